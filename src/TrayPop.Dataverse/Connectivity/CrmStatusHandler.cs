using TrayPop.Core.Connectivity;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>
/// The outermost handler of the Dataverse client: sees each request's final answer (after sign-in and the
/// resilience retries) and tells <see cref="CrmStatus"/> what it says. Changes nothing about the request.
/// </summary>
internal sealed class CrmStatusHandler(CrmStatus status) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (CrmSignals.FromException(ex) is { } failed)
            {
                status.Report(failed);
            }

            throw;
        }

        if (CrmSignals.FromStatus(response.StatusCode) is { } answered)
        {
            status.Report(answered);
        }

        return response;
    }
}
