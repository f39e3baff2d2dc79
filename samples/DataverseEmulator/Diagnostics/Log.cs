using Microsoft.Extensions.Logging;

namespace DataverseEmulator.Diagnostics;

/// <summary>The emulator's log messages; Debug level, so they show only with --verbose or a test that asks.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Web API {Method} {Target} -> {Status}")]
    public static partial void Answered(ILogger logger, string method, string target, int status);

    [LoggerMessage(2, LogLevel.Information, "Injected fault {Kind} (status {Status}, delay {Delay}) on {Method} {Target}")]
    public static partial void FaultApplied(ILogger logger, EmulatorFaultKind kind, int status, TimeSpan delay, string method, string target);

    // Never the token itself: only why it was refused.
    [LoggerMessage(3, LogLevel.Information, "Refused {Method} {Target}: bearer token {Reason}")]
    public static partial void TokenRefused(ILogger logger, string method, string target, string reason);
}
