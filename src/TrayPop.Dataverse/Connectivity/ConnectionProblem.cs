using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TrayPop.Core.Pop;
using TrayPop.Dataverse.Auth;

namespace TrayPop.Dataverse.Connectivity;

/// <summary>Why a Dataverse round trip failed, in words an engineer can act on: each names the setting to look at.</summary>
internal static class ConnectionProblem
{
    /// <summary>One failure of the sign-in round trip, in words an engineer can act on.</summary>
    public static string Explain(Exception exception, DataverseOptions dataverse, PopOptions pop)
    {
        var url = dataverse.OrganisationUri;
        switch (exception)
        {
            case SignInException signIn:
                return $"Sign-in failed before Dataverse was asked: {signIn.Message}";
            case DataverseException { StatusCode: HttpStatusCode.Unauthorized } refused:
                return $"Dataverse refused the sign-in (401): {ServerMessage(refused)} Check TrayPop:Dataverse:Auth:* and that this account or application belongs to the organisation's tenant.";
            case DataverseException { StatusCode: HttpStatusCode.Forbidden } forbidden:
                return $"Signed in but without privilege (403): {ServerMessage(forbidden)} The user (or the application user, for ClientSecret and ClientCertificate) needs a security role in this organisation.";
            case DataverseException { StatusCode: HttpStatusCode.NotFound }:
                return $"The organisation URL answered 404 (not found) for {dataverse.ApiUri}WhoAmI: check TrayPop:Dataverse:Url (the organisation root) and TrayPop:Dataverse:ApiVersion ({dataverse.ApiVersion}).";
            case DataverseException { StatusCode: HttpStatusCode.TooManyRequests } throttled:
                return $"Dataverse is throttling this user (429) and still refused after waiting as asked: {ServerMessage(throttled)} Try again in a few minutes.";
            case DataverseException { StatusCode: { } status } answered when (int)status >= 500:
                return $"Dataverse failed ({(int)status} {status}) even after retries: {ServerMessage(answered)}";
            case DataverseException { StatusCode: { } status } answered:
                return $"Dataverse answered {(int)status} {status}: {ServerMessage(answered)}";
            case DataverseException { InnerException: HttpRequestException unreachable }:
                return Unreachable(unreachable, url);
            case HttpRequestException unreachable:
                return Unreachable(unreachable, url);
            case TimeoutRejectedException or TimeoutException or TaskCanceledException:
                var total = DataverseClientRegistration.TotalTimeout(dataverse, pop);
                return string.Create(CultureInfo.InvariantCulture,
                    $"No answer within {total.TotalSeconds:0.#} s from {url.Host} (each attempt may take {dataverse.RequestTimeout.TotalSeconds:0.#} s, TrayPop:Dataverse:RequestTimeout).");
            case BrokenCircuitException:
                return $"Dataverse failed repeatedly, so TrayPop stopped asking it for {DataverseClientRegistration.BreakDuration.TotalSeconds:0} s.";
            case JsonException or KeyNotFoundException or FormatException or InvalidOperationException:
                return $"{url} answered, but not as Dataverse's Web API does ({exception.Message}): is TrayPop:Dataverse:Url the organisation root?";
            default:
                return exception.Message;
        }
    }

    private static string Unreachable(HttpRequestException exception, Uri url)
    {
        var endpoint = $"{url.Host}:{url.Port}";
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"The organisation URL's host was not found (DNS): {url.Host}. Check TrayPop:Dataverse:Url and this machine's network.",
            HttpRequestError.SecureConnectionError => $"TLS failed: {Innermost(exception).Message} The server at {endpoint} may not speak https on that port, or its certificate is not trusted by this machine.",
            HttpRequestError.ConnectionError when Innermost(exception) is SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                $"Nothing answers at {endpoint} (connection refused): check TrayPop:Dataverse:Url.",
            HttpRequestError.ConnectionError => $"Could not connect to {endpoint}: {Innermost(exception).Message}",
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => $"The server at {endpoint} dropped the connection or answered something that is not HTTP: {Innermost(exception).Message}",
            HttpRequestError.ProxyTunnelError => $"The proxy would not connect to {endpoint}: {Innermost(exception).Message}",
            _ => $"Dataverse could not be reached at {endpoint}: {exception.Message}",
        };
    }

    private static string ServerMessage(DataverseException exception)
    {
        // DataverseException's text is "Dataverse answered 403 Forbidden: <server message>"; keep the server's part.
        var text = exception.Message;
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var message = colon >= 0 ? text[(colon + 2)..] : text;
        return message.EndsWith('.') ? message : message + ".";
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
