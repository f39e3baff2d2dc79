using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Dataverse.Diagnostics;

/// <summary>Every log message of the Dataverse client: sign-in, resilience. None of them takes a token, a secret or a password; text from the identity provider or Dataverse is escaped here.</summary>
internal static partial class Log
{
    public static void SignedIn(ILogger logger, DataverseAuthMode mode, string account, DateTimeOffset expiresOn) =>
        SignedInEscaped(logger, mode, OutsideText.Escape(account), expiresOn);

    [LoggerMessage(300, LogLevel.Information, "Signed in to Dataverse ({Mode}) as {Account}; the token is good until {ExpiresOn:u}")]
    private static partial void SignedInEscaped(ILogger logger, DataverseAuthMode mode, string account, DateTimeOffset expiresOn);

    [LoggerMessage(301, LogLevel.Warning, "Dataverse refused the {Mode} token (401); signing in again once")]
    public static partial void TokenRefused(ILogger logger, DataverseAuthMode mode);

    public static void RefreshFailed(ILogger logger, DataverseAuthMode mode, string error, DateTimeOffset expiresOn) =>
        RefreshFailedEscaped(logger, mode, OutsideText.Escape(error), expiresOn);

    [LoggerMessage(302, LogLevel.Warning, "Refreshing the {Mode} token failed ({Error}); the current one stays in use until {ExpiresOn:u}")]
    private static partial void RefreshFailedEscaped(ILogger logger, DataverseAuthMode mode, string error, DateTimeOffset expiresOn);

    public static void DeviceCode(ILogger logger, string message) =>
        DeviceCodeEscaped(logger, OutsideText.Escape(message));

    [LoggerMessage(303, LogLevel.Warning, "Dataverse sign-in needs the user: {Message}")]
    private static partial void DeviceCodeEscaped(ILogger logger, string message);

    public static void InteractionRequired(ILogger logger, string reason) =>
        InteractionRequiredEscaped(logger, OutsideText.Escape(reason));

    [LoggerMessage(304, LogLevel.Information, "No signed-in account in the token cache ({Reason}); asking the user to sign in")]
    private static partial void InteractionRequiredEscaped(ILogger logger, string reason);

    [LoggerMessage(305, LogLevel.Information, "The Dataverse token cache is kept encrypted in {Directory}")]
    public static partial void TokenCachePersisted(ILogger logger, string directory);

    public static void TokenCacheInMemory(ILogger logger, string reason) =>
        TokenCacheInMemoryEscaped(logger, OutsideText.Escape(reason));

    [LoggerMessage(306, LogLevel.Warning, "The Dataverse token cache is kept in memory only, so the agent signs in again after each start: {Reason}")]
    private static partial void TokenCacheInMemoryEscaped(ILogger logger, string reason);

    [LoggerMessage(307, LogLevel.Debug, "Dataverse {Method} answered {Outcome}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(308, LogLevel.Warning, "Dataverse failed repeatedly ({Outcome}): requests stop for {BreakDuration} instead of hammering it")]
    public static partial void CircuitOpened(ILogger logger, string outcome, TimeSpan breakDuration);

    [LoggerMessage(309, LogLevel.Information, "Dataverse answers again: requests go through")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(310, LogLevel.Information, "Callers are looked up with the {Strategy} strategy: {Reason}")]
    public static partial void StrategyChosen(ILogger logger, TrayPop.Core.Lookup.LookupStrategy strategy, string reason);

    [LoggerMessage(311, LogLevel.Warning, "The phone-key table answered 404: asking again whether it exists, and looking this caller up by pattern")]
    public static partial void KeyTableGone(ILogger logger);

    [LoggerMessage(312, LogLevel.Information, "Index sync of {Entity}: {Rows} rows read, {Upserts} keys written, {Deletes} keys removed")]
    public static partial void IndexSynced(ILogger logger, string entity, long rows, long upserts, long deletes);

    public static void DeltaExpired(ILogger logger, string entity, string reason) =>
        DeltaExpiredEscaped(logger, entity, OutsideText.Escape(reason));

    [LoggerMessage(313, LogLevel.Warning, "The change-tracking link of {Entity} was refused ({Reason}): reading the whole table again")]
    private static partial void DeltaExpiredEscaped(ILogger logger, string entity, string reason);

    public static void IndexSyncFailed(ILogger logger, TimeSpan interval, string reason) =>
        IndexSyncFailedEscaped(logger, interval, OutsideText.Escape(reason));

    [LoggerMessage(314, LogLevel.Warning, "Index sync failed; trying again in {Interval}: {Reason}")]
    private static partial void IndexSyncFailedEscaped(ILogger logger, TimeSpan interval, string reason);

    public static void BrokerFailed(ILogger logger, string code, string reason, string clientId) =>
        BrokerFailedEscaped(logger, OutsideText.Escape(code), OutsideText.Escape(reason), clientId);

    [LoggerMessage(330, LogLevel.Warning, "The Windows sign-in broker (WAM) could not sign in ({Code}: {Reason}); signing in through the system browser from now on. If the broker's redirect URI is missing, add ms-appx-web://microsoft.aad.brokerplugin/{ClientId} to the app registration")]
    private static partial void BrokerFailedEscaped(ILogger logger, string code, string reason, string clientId);
}
