using System.Net;
using System.Text;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.Hosting;

public class EmulatorServerTests
{
    [Fact]
    public async Task StartAsync_BindsAFreeLoopbackPort_AndBaseUriIsTheOrganisationRoot()
    {
        await using var first = await EmulatorServer.StartAsync(EmulatorSeed.Sample);
        await using var second = await EmulatorServer.StartAsync(EmulatorSeed.Sample);

        Assert.Equal("127.0.0.1", first.BaseUri.Host);
        Assert.Equal("/", first.BaseUri.AbsolutePath);
        Assert.NotEqual(first.BaseUri.Port, second.BaseUri.Port);
    }

    [Fact]
    public async Task OrganizationName_ServesApiAndPagesUnderIt()
    {
        await using var emulator = await RunningEmulator.StartAsync(new EmulatorSettings { OrganizationName = "Contoso" });

        var whoAmI = await emulator.GetJsonAsync("api/data/v9.0/WhoAmI");
        using var page = await emulator.GetAsync("main.aspx?etn=contact&pagetype=entityrecord&id=%7B8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01%7D");

        Assert.EndsWith("/Contoso/", emulator.Server.BaseUri.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith($"{emulator.Server.BaseUri}api/data/v9.0/", whoAmI.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("GET /Contoso/api/data/v9.0/WhoAmI", Assert.Single(emulator.Server.ApiRequests));
    }

    [Fact]
    public async Task WhoAmIIds_ComeFromSettings()
    {
        var user = Guid.NewGuid();
        await using var emulator = await RunningEmulator.StartAsync(new EmulatorSettings { UserId = user });

        var whoAmI = await emulator.GetJsonAsync("api/data/v9.2/WhoAmI");

        Assert.Equal(user.ToString("D"), whoAmI.GetProperty("UserId").GetString());
    }

    [Fact]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        var server = await EmulatorServer.StartAsync(EmulatorSeed.Sample);

        await server.DisposeAsync();
        var again = server.DisposeAsync();

        Assert.True(again.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task StartAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EmulatorServer.StartAsync(EmulatorSeed.Sample, cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task ConcurrentReadsAndWrites_AllSucceed_AndEveryRequestIsCounted()
    {
        await using var emulator = await RunningEmulator.StartAsync();
        const string JaneUrl = "api/data/v9.2/contacts(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01)";

        var work = Enumerable.Range(0, 60).Select(async i =>
        {
            using var response = i % 3 == 0
                ? await emulator.Client.PatchAsync(JaneUrl, new StringContent($$"""{"jobtitle":"Agent {{i}}"}""", Encoding.UTF8, "application/json"))
                : await emulator.GetAsync("api/data/v9.2/contacts?$select=fullname,jobtitle&$filter=contains(telephone1,'555')");
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(work);

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.NoContent, s.ToString()));
        Assert.Equal(60, emulator.Server.ApiRequestCount);
        Assert.Equal(60, emulator.Server.ApiRequests.Count);
    }
}
