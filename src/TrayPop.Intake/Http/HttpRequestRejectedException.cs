namespace TrayPop.Intake.Http;

/// <summary>A request the server answers itself, before any endpoint sees it (malformed, too large); the connection closes after the answer.</summary>
internal sealed class HttpRequestRejectedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
