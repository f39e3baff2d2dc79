using System.Net;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// The <c>Windows</c> mode (on-premises Dynamics 365): Negotiate (Kerberos, else NTLM) on the connection handler,
/// with the signed-in user's credentials or a configured account. The credentials answer only the organisation's
/// own challenges, and only for Negotiate or NTLM: never Basic, which would send the password in clear.
/// </summary>
internal static class WindowsCredentials
{
    public static void Apply(SocketsHttpHandler handler, DataverseOptions options)
    {
        if (options.Auth.Mode != DataverseAuthMode.Windows)
        {
            return;
        }

        var credential = For(options.Auth);
        var origin = new Uri(options.OrganisationUri.GetLeftPart(UriPartial.Authority));
        var cache = new CredentialCache
        {
            { origin, "Negotiate", credential },
            { origin, "NTLM", credential },
        };
        handler.Credentials = cache;
        handler.PreAuthenticate = true;
    }

    public static NetworkCredential For(DataverseAuthOptions auth) =>
        string.IsNullOrWhiteSpace(auth.UserName)
            ? CredentialCache.DefaultNetworkCredentials
            : new NetworkCredential(auth.UserName, auth.Password, auth.Domain);

    /// <summary>Who the requests run as, in words (never the password).</summary>
    public static string Describe(DataverseAuthOptions auth) =>
        string.IsNullOrWhiteSpace(auth.UserName)
            ? $@"{Environment.UserDomainName}\{Environment.UserName} (Windows integrated sign-in)"
            : (string.IsNullOrWhiteSpace(auth.Domain) ? auth.UserName : $@"{auth.Domain}\{auth.UserName}") + " (Windows sign-in with the configured account)";
}
