using System.Net;
using System.Text.Json;
using Polly;
using TrayPop.Dataverse;

using TrayPop.Core.Connectivity;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>What one Dataverse answer, or one failure, says about the connection; null when it says nothing.</summary>
internal static class CrmSignals
{
    public static CrmState? FromStatus(HttpStatusCode status) => (int)status switch
    {
        401 => CrmState.SignedOut,
        // Signed in, but this user may not do this: not something the icon can help with.
        403 => null,
        >= 500 => CrmState.Unreachable,
        // 2xx, and the 4xx of a single request (a bad query, 404, 412, 429 after the retries): the CRM answered.
        _ => CrmState.Reachable,
    };

    public static CrmState? FromException(Exception exception) => exception switch
    {
        DataverseException { StatusCode: { } status } => FromStatus(status),
        DataverseException { InnerException: { } inner } => FromException(inner),
        DataverseException or HttpRequestException or ExecutionRejectedException or TimeoutException
            or OperationCanceledException or IOException or JsonException or KeyNotFoundException or FormatException => CrmState.Unreachable,
        // The token handler sits inside the status handler: anything else is sign-in failing to give a token.
        _ => CrmState.SignedOut,
    };
}
