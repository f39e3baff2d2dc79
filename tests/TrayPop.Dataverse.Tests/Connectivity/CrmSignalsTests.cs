using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TrayPop.Dataverse;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Dataverse.Tests.Connectivity;

public class CrmSignalsTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, CrmState.Reachable)]
    [InlineData(HttpStatusCode.NoContent, CrmState.Reachable)]
    [InlineData(HttpStatusCode.BadRequest, CrmState.Reachable)]
    [InlineData(HttpStatusCode.TooManyRequests, CrmState.Reachable)]
    [InlineData(HttpStatusCode.Unauthorized, CrmState.SignedOut)]
    [InlineData(HttpStatusCode.InternalServerError, CrmState.Unreachable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, CrmState.Unreachable)]
    [InlineData(HttpStatusCode.GatewayTimeout, CrmState.Unreachable)]
    public void FromStatus_SaysWhatTheAnswerMeans(HttpStatusCode status, object expected)
    {
        Assert.Equal((CrmState)expected, CrmSignals.FromStatus(status));
    }

    [Fact]
    public void FromStatus_Forbidden_SaysNothing()
    {
        Assert.Null(CrmSignals.FromStatus(HttpStatusCode.Forbidden));
    }

    public static TheoryData<Exception> NetworkFailures() =>
    [
        new HttpRequestException("refused"),
        new TimeoutRejectedException(),
        new BrokenCircuitException(),
        new TaskCanceledException("HttpClient.Timeout"),
        new JsonException("not Dataverse"),
        new DataverseException("Dataverse could not be reached", new HttpRequestException("DNS")),
        new DataverseException(HttpStatusCode.BadGateway, null, "bad gateway"),
    ];

    [Theory]
    [MemberData(nameof(NetworkFailures))]
    public void FromException_NoAnswer_IsUnreachable(Exception failure)
    {
        Assert.Equal(CrmState.Unreachable, CrmSignals.FromException(failure));
    }

    [Fact]
    public void FromException_Dataverse401_IsSignedOut()
    {
        Assert.Equal(CrmState.SignedOut, CrmSignals.FromException(new DataverseException(HttpStatusCode.Unauthorized, "0x80040220", "expired")));
    }

    [Fact]
    public void FromException_FromSignIn_IsSignedOut()
    {
        // What a token source throws when it cannot sign the agent in (MSAL, Windows auth).
        Assert.Equal(CrmState.SignedOut, CrmSignals.FromException(new InvalidOperationException("AADSTS50076: MFA required")));
    }
}
