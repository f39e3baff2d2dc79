using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Dataverse.Lookup;
using TrayPop.Dataverse.Tests.Support;

namespace TrayPop.Dataverse.Tests;

/// <summary>Answers too large to hold and redirects, from a CRM that misbehaves on a real loopback socket.</summary>
public class ResponseBodyTests
{
    private const long OneGigabyte = 1L << 30;
    private const long Cap = 1L << 20;

    // Far above the cap plus what the loopback socket buffers hold, far below the body: the client stopped reading.
    private const long StoppedReadingBelow = 64L << 20;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lookup_WhenTheCrmAnswersAGigabyte_FailsCleanlyWithoutReadingIt(bool announced)
    {
        await using var crm = RawCrmServer.HugeBody(OneGigabyte, announced);
        await using var harness = await DataverseHarness.StartAsync(settings: [$"Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}", $"Dataverse:MaxResponseBytes={Cap}", "Lookup:Strategy=Pattern"]);

        var lookup = harness.Services.GetRequiredService<PhoneLookup>().LookupAsync("+14255550101", CancellationToken.None);

        var error = await Assert.ThrowsAsync<DataverseException>(() => lookup);
        Assert.Contains("TrayPop:Dataverse:MaxResponseBytes", error.Message, StringComparison.Ordinal);
        await crm.AnswerEnded.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(crm.BytesSent < StoppedReadingBelow, $"the CRM sent {crm.BytesSent:N0} bytes before the client hung up");
    }

    [Fact]
    public async Task Query_WhenTheAnswerFitsTheCap_IsRead()
    {
        await using var harness = await DataverseHarness.StartAsync(settings: ["Dataverse:MaxResponseBytes=65536"]);

        var rows = await harness.Client.QueryAsync("contacts?$select=fullname&$top=2", CancellationToken.None);

        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Query_WhenTheAnswerIsOneByteOverTheCap_Fails()
    {
        await using var crm = RawCrmServer.HugeBody(2048, announced: false);
        await using var harness = await DataverseHarness.StartAsync(settings: [$"Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "Dataverse:MaxResponseBytes=2048"]);

        await Assert.ThrowsAsync<DataverseException>(() => harness.Client.QueryAsync("contacts", CancellationToken.None));
    }

    [Fact]
    public async Task Lookup_WhenTheCrmRedirects_FailsNamingTheTargetAndNeverAsksIt()
    {
        using var target = new TcpListener(IPAddress.Loopback, 0);
        target.Start();
        var targetPort = ((IPEndPoint)target.LocalEndpoint).Port;
        await using var crm = RawCrmServer.Redirect(new Uri($"http://127.0.0.1:{targetPort}/api/data/v9.2/contacts"));
        await using var harness = await DataverseHarness.StartAsync(settings: [$"Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "Lookup:Strategy=Pattern"]);

        var error = await Assert.ThrowsAsync<DataverseException>(() => harness.Services.GetRequiredService<PhoneLookup>().LookupAsync("+14255550101", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Contains($"redirect to 127.0.0.1:{targetPort}", error.Message, StringComparison.Ordinal);
        Assert.True(crm.Requests >= 1);
        Assert.False(target.Pending(), "the redirect's target was asked");
    }
}
