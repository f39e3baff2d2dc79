using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Core.Dataverse;

namespace TrayPop.Core.Tray;

/// <summary>
/// The checks of <c>traypop check</c> that need the CRM: WhoAmI (sign-in, URL, privileges) and its round trip.
/// The verdict also goes to <see cref="CrmStatus"/>, so the icon follows the check.
/// </summary>
internal sealed class DataverseConnectionCheck(IServiceProvider services, CrmStatus status, TimeProvider time) : IConnectionCheck
{
    public async Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        ConnectionCheckResult result;
        try
        {
            // Typed clients are transient: one per check, as /health does, instead of one captured for the process.
            var whoAmI = await services.GetRequiredService<DataverseClient>().WhoAmIAsync(cancellationToken);
            var elapsed = time.GetElapsedTime(started);
            result = new(CrmState.Reachable, string.Create(
                CultureInfo.CurrentCulture, $"Connected to Dynamics 365 as user {whoAmI.UserId} (WhoAmI answered in {elapsed.TotalMilliseconds:0} ms)."));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var state = CrmSignals.FromException(ex) ?? CrmState.Unreachable;
            result = new(state, state == CrmState.SignedOut
                ? $"Signed out of Dynamics 365: {ex.Message}"
                : $"Dynamics 365 cannot be reached: {ex.Message}");
        }

        status.Report(result.State);
        return result;
    }
}
