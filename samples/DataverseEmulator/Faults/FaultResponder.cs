using System.Globalization;
using DataverseEmulator.Diagnostics;
using DataverseEmulator.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataverseEmulator.Faults;

/// <summary>Acts out a fault on a live request: waits, answers with an error, or drops the connection.</summary>
internal sealed class FaultResponder(EmulatorFaults faults, TimeProvider timeProvider, ILogger logger, CancellationToken stopping)
{
    /// <returns>True when the fault answered the request, so normal handling must not run.</returns>
    public async Task<bool> TryApplyAsync(HttpContext context)
    {
        if (faults.Take() is not { } fault)
        {
            return false;
        }

        Log.FaultApplied(logger, fault.Kind, fault.StatusCode, fault.Delay, context.Request.Method, context.Request.Path);

        if (fault.Delay > TimeSpan.Zero)
        {
            // Stopping the server ends the wait too, so disposing a test's emulator never waits out a fake clock.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                // Announce only once the timer exists, so a test that advances its clock on the event is never early.
                var delay = Task.Delay(fault.Delay, timeProvider, wait.Token);
                faults.OnDelayStarted(fault.Delay);
                await delay;
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return true;
            }
        }

        switch (fault.Kind)
        {
            case EmulatorFaultKind.Latency:
                return false;
            case EmulatorFaultKind.DropConnection:
                context.Abort();
                return true;
            default:
                await ApiResponseWriter.WriteAsync(context, ResponseFor(fault));
                return true;
        }
    }

    internal static ApiResponse ResponseFor(EmulatorFault fault)
    {
        var response = fault.StatusCode switch
        {
            429 => ApiResponse.Error(429, ErrorCodes.TooManyRequests, "Number of requests exceeded the limit of 6000 over time window of 300 seconds."),
            500 => ApiResponse.Error(500, ErrorCodes.Unexpected, "An unexpected error occurred."),
            503 => ApiResponse.Error(503, ErrorCodes.ServiceUnavailable, "The service is temporarily unavailable. Please try again later."),
            var status => ApiResponse.Error(status, ErrorCodes.Unexpected, $"Injected fault: HTTP {status}."),
        };

        if (fault.RetryAfter > TimeSpan.Zero || fault.StatusCode == 429)
        {
            var seconds = (long)Math.Ceiling(fault.RetryAfter.TotalSeconds);
            response.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }
}
