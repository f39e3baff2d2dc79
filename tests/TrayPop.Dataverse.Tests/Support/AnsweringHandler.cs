namespace TrayPop.Dataverse.Tests.Support;

/// <summary>An HTTP handler that answers every request with <paramref name="answer"/> and counts them.</summary>
internal sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public int Requests { get; private set; }

    public List<HttpRequestMessage> Seen { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        Seen.Add(request);
        return Task.FromResult(answer(request));
    }
}
