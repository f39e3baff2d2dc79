
namespace TrayPop.Core.Pop;

/// <summary>
/// The only pages TrayPop may ever open: absolute URLs with exactly the configured CRM's scheme, host and port
/// (https, or http only when the CRM itself is http), no user info. Checked again just before every launch.
/// </summary>
internal sealed class CrmUrlPolicy(CrmSite site)
{
    private readonly Uri _crm = site.Organisation;

    public bool Allows(Uri? url) =>
        url is { IsAbsoluteUri: true }
        && url.Scheme == _crm.Scheme
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && string.Equals(url.Host, _crm.Host, StringComparison.OrdinalIgnoreCase)
        && url.Port == _crm.Port
        && url.UserInfo.Length == 0;

    public string Origin => _crm.GetLeftPart(UriPartial.Authority);
}
