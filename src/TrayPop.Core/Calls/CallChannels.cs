namespace TrayPop.Core.Calls;

/// <summary>The intake an event came through, as the log and <c>traypop recent</c> name it.</summary>
internal static class CallChannels
{
    public const string Http = "http";

    /// <summary><c>GET /pop</c>: answered with a redirect, never a launch.</summary>
    public const string PopUrl = "http-pop";

    /// <summary>The TCP line protocol (and <c>traypop pop</c>, which speaks it).</summary>
    public const string Line = "line";

    public const string Unknown = "other";
}
