using System.Net;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Dataverse.Tests.Connectivity;

public class CrmStatusHandlerTests
{
    private readonly CrmStatus status = new();

    [Theory]
    [InlineData(HttpStatusCode.OK, CrmState.Reachable)]
    [InlineData(HttpStatusCode.Unauthorized, CrmState.SignedOut)]
    [InlineData(HttpStatusCode.ServiceUnavailable, CrmState.Unreachable)]
    public async Task Send_ReportsWhatTheAnswerSays(HttpStatusCode answer, object expected)
    {
        using var http = Client(_ => new HttpResponseMessage(answer));

        using var response = await http.GetAsync(new Uri("https://crm.example/api/data/v9.2/WhoAmI"));

        Assert.Equal(answer, response.StatusCode);
        Assert.Equal((CrmState)expected, status.State);
    }

    [Fact]
    public async Task Send_WhenNothingAnswers_ReportsUnreachableAndRethrows()
    {
        using var http = Client(_ => throw new HttpRequestException("Connection refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("https://crm.example/")));

        Assert.Equal(CrmState.Unreachable, status.State);
    }

    [Fact]
    public async Task Send_WhenTheCallerCancels_ReportsNothing()
    {
        using var cancel = new CancellationTokenSource();
        using var http = Client(_ =>
        {
            cancel.Cancel();
            throw new OperationCanceledException(cancel.Token);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync(new Uri("https://crm.example/"), cancel.Token));

        Assert.Equal(CrmState.Unknown, status.State);
    }

    private HttpClient Client(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new(new CrmStatusHandler(status) { InnerHandler = new StubHandler(answer) });

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
