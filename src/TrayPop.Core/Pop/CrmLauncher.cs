using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Core.Pop;

/// <summary>
/// Every page TrayPop opens passes here, from a call or from the tray: the <see cref="CrmUrlPolicy"/> first, then the
/// platform's <see cref="ILauncher"/>. One check for every launch, so no platform launcher can apply a looser one.
/// </summary>
internal sealed class CrmLauncher(ILauncher platform, CrmUrlPolicy policy, ILogger<CrmLauncher> logger)
{
    /// <returns>False when the URL is not the CRM's or no browser could be started.</returns>
    public bool Open(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!policy.Allows(url))
        {
            Log.LaunchRefused(logger, url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Authority) : "(a relative URL)", policy.Origin);
            return false;
        }

        return platform.Open(url);
    }
}
