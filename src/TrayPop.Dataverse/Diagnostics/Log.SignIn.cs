using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Dataverse.Diagnostics;

/// <summary>Sign-in messages: tenant discovery, the broker.</summary>
internal static partial class Log
{
    public static void TenantDiscovered(ILogger logger, string tenant) =>
        TenantDiscoveredEscaped(logger, OutsideText.Escape(tenant));

    [LoggerMessage(330, LogLevel.Information, "Dataverse named its tenant {Tenant} in its sign-in challenge: signing in there")]
    private static partial void TenantDiscoveredEscaped(ILogger logger, string tenant);

    public static void TenantNotDiscovered(ILogger logger, string reason) =>
        TenantNotDiscoveredEscaped(logger, OutsideText.Escape(reason));

    [LoggerMessage(331, LogLevel.Warning, "Signing in to the agent's home tenant (organizations): {Reason}. Guests of the organisation need TrayPop:Dataverse:Auth:TenantId")]
    private static partial void TenantNotDiscoveredEscaped(ILogger logger, string reason);
}
