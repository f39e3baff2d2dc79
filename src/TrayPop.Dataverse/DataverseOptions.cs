namespace TrayPop.Dataverse;

/// <summary>Settings under <c>TrayPop:Dataverse</c>.</summary>
internal sealed class DataverseOptions
{
    public const string Section = "TrayPop:Dataverse";

    /// <summary>Organisation root: <c>https://contoso.crm.dynamics.com</c> or on-premises <c>https://crm.contoso.local/Contoso</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Web API version; on-premises servers may need <c>9.0</c>.</summary>
    public string ApiVersion { get; set; } = "9.2";

    /// <summary>Optional model-driven app id put in every opened URL (<c>appid=</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>How long one Web API request may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most of one Dataverse answer TrayPop reads; a larger one fails the request instead of filling memory.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    public const long DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>A page of 5,000 rows of a wide table stays well below this; beyond it the cap protects nothing.</summary>
    public const long LargestMaxResponseBytes = 256 * 1024 * 1024;

    public DataverseAuthOptions Auth { get; set; } = new();

    /// <summary>The organisation root as a URI with a trailing slash; only valid after validation.</summary>
    internal Uri OrganisationUri => new(Url!.EndsWith('/') ? Url : Url + "/", UriKind.Absolute);

    /// <summary>The Web API root, <c>{org}/api/data/v9.2/</c>.</summary>
    internal Uri ApiUri => new(OrganisationUri, $"api/data/v{ApiVersion}/");
}
