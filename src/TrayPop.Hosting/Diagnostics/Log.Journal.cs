using Microsoft.Extensions.Logging;

namespace TrayPop.Hosting.Diagnostics;

/// <summary>The journal's messages: ids, counts and error codes only, never a number or a name.</summary>
internal static partial class Log
{
    [LoggerMessage(1701, LogLevel.Information, "Call journaled as phonecall {ActivityId} (attempt {Attempt})")]
    public static partial void CallJournaled(ILogger logger, Guid activityId, int attempt);

    [LoggerMessage(1702, LogLevel.Warning, "Could not journal a call ({Kind}: {Error}); trying again in {Wait}")]
    public static partial void JournalFailed(ILogger logger, string kind, string error, TimeSpan wait);

    [LoggerMessage(1704, LogLevel.Error, "The journal could not send calls ({Kind}: {Error}); they stay in the outbox, trying again in {Wait}")]
    public static partial void JournalSenderFailed(ILogger logger, string kind, string error, TimeSpan wait);

    [LoggerMessage(1703, LogLevel.Information, "Journal on: outbox {Path}, {Waiting} calls waiting")]
    public static partial void JournalStarted(ILogger logger, string path, int waiting);
}
