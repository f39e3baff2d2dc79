using System.Globalization;
using DataverseEmulator.Diagnostics;
using DataverseEmulator.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataverseEmulator.Faults;

/// <summary>Acts out a fault on a live request or on one part of a $batch: waits, answers with an error, or drops the connection.</summary>
internal sealed class FaultResponder(EmulatorFaults faults, TimeProvider timeProvider, ILogger logger, CancellationToken stopping)
{
    /// <returns>True when the fault answered the request, so normal handling must not run.</returns>
    public async Task<bool> TryApplyAsync(HttpContext context, string target)
    {
        if (faults.Take(target) is not { } fault)
        {
            return false;
        }

        Log.FaultApplied(logger, fault.Kind, fault.StatusCode, fault.Delay, context.Request.Method, context.Request.Path);
        if (!await WaitAsync(fault, context.RequestAborted))
        {
            context.Abort();
            return true;
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

    /// <summary>Applies a fault that targets this $batch part, if one does.</summary>
    public async Task<PartFault> ApplyToPartAsync(int partNumber, string method, string url, CancellationToken aborted)
    {
        if (faults.TakeForPart(partNumber, url) is not { } fault)
        {
            return PartFault.None;
        }

        Log.FaultApplied(logger, fault.Kind, fault.StatusCode, fault.Delay, method, $"$batch part {partNumber}: {url}");
        if (!await WaitAsync(fault, aborted))
        {
            return PartFault.DropConnection;
        }

        return fault.Kind switch
        {
            EmulatorFaultKind.Latency => PartFault.None,
            EmulatorFaultKind.DropConnection => PartFault.DropConnection,
            _ => new PartFault(ResponseFor(fault), Drop: false),
        };
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

    /// <returns>False when the request was aborted or the server stopped while waiting.</returns>
    private async Task<bool> WaitAsync(EmulatorFault fault, CancellationToken aborted)
    {
        if (fault.Delay <= TimeSpan.Zero)
        {
            return true;
        }

        // Stopping the server ends the wait too, so disposing a test's emulator never waits out a fake clock.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        try
        {
            // Announce only once the timer exists, so a test that advances its clock on the event is never early.
            var delay = Task.Delay(fault.Delay, timeProvider, wait.Token);
            faults.OnDelayStarted(fault.Delay);
            await delay;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
