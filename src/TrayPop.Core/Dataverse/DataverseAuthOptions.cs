namespace TrayPop.Core.Dataverse;

/// <summary>Settings under <c>TrayPop:Dataverse:Auth</c>.</summary>
public sealed class DataverseAuthOptions
{
    public DataverseAuthMode Mode { get; set; } = DataverseAuthMode.Interactive;

    /// <summary>The bearer token for <see cref="DataverseAuthMode.Token"/>.</summary>
    public string? Token { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }
}
