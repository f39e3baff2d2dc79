using Microsoft.Extensions.Options;

namespace TrayPop.Core.Dataverse;

/// <summary>Refuses to start with a Dataverse setting that cannot work, naming the key.</summary>
internal sealed class DataverseOptionsValidator : IValidateOptions<DataverseOptions>
{
    public ValidateOptionsResult Validate(string? name, DataverseOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            failures.Add("TrayPop:Dataverse:Url is not set: give the organisation root, e.g. https://contoso.crm.dynamics.com.");
        }
        else if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            failures.Add($"TrayPop:Dataverse:Url must be an absolute https (or http) URL without query, e.g. https://contoso.crm.dynamics.com; got '{options.Url}'.");
        }

        if (options.ApiVersion is not ("9.0" or "9.1" or "9.2"))
        {
            failures.Add($"TrayPop:Dataverse:ApiVersion must be 9.0, 9.1 or 9.2; got '{options.ApiVersion}'.");
        }

        if (!string.IsNullOrEmpty(options.AppId) && !Guid.TryParse(options.AppId, out _))
        {
            failures.Add($"TrayPop:Dataverse:AppId must be a GUID; got '{options.AppId}'.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("TrayPop:Dataverse:RequestTimeout must be positive.");
        }

        switch (options.Auth.Mode)
        {
            case DataverseAuthMode.Token when string.IsNullOrWhiteSpace(options.Auth.Token):
                failures.Add("TrayPop:Dataverse:Auth:Token is required when TrayPop:Dataverse:Auth:Mode is Token.");
                break;
            case DataverseAuthMode.Interactive or DataverseAuthMode.DeviceCode or DataverseAuthMode.ClientSecret or DataverseAuthMode.Windows:
                failures.Add($"TrayPop:Dataverse:Auth:Mode {options.Auth.Mode} is not available in this build yet; use Token or None.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
