using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Core.Connectivity;
using TrayPop.Core.Pop;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>
/// WhoAmI (sign-in, URL, privileges) and its round trip, explained in plain words by <see cref="ConnectionProblem"/>.
/// The verdict also goes to <see cref="CrmStatus"/>, so the tray icon follows every check.
/// </summary>
internal sealed class ConnectionCheck(
    IServiceProvider services, IOptions<DataverseOptions> dataverse, IOptions<PopOptions> pop, CrmStatus status, TimeProvider time)
    : IConnectionCheck, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, ConnectionCheckResult Result)? _last;

    public string Organisation => dataverse.Value.Url ?? string.Empty;

    public string SignInMode => dataverse.Value.Auth.Mode.ToString();

    public void Dispose() => _gate.Dispose();

    public async Task<ConnectionCheckResult> CheckAsync(TimeSpan reuseWithin, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < reuseWithin)
            {
                return last.Result;
            }

            var result = await AskAsync(cancellationToken);
            _last = (now, result);
            status.Report(result.State);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ConnectionCheckResult> AskAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            // Typed clients are transient: one per check instead of one captured for the process.
            var whoAmI = await services.GetRequiredService<DataverseClient>().WhoAmIAsync(cancellationToken);
            var elapsed = time.GetElapsedTime(started);
            var who = services.GetService<IAccessTokenSource>()?.SignedInAs;
            var message = string.Create(CultureInfo.InvariantCulture,
                $"user {whoAmI.UserId}{(who is null ? "" : $" as {who}")} (WhoAmI answered in {elapsed.TotalMilliseconds:0} ms)");
            return new ConnectionCheckResult(CrmState.Reachable, message)
            {
                UserId = whoAmI.UserId,
                BusinessUnitId = whoAmI.BusinessUnitId,
                OrganizationId = whoAmI.OrganizationId,
                SignedInAs = who,
                RoundTrip = elapsed,
            };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var state = CrmSignals.FromException(ex) ?? CrmState.Unreachable;
            return new ConnectionCheckResult(state, ConnectionProblem.Explain(ex, dataverse.Value, pop.Value));
        }
    }
}
