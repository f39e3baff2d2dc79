using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Hosting;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Dataverse.Tests.Connectivity;

/// <summary>The one connection check (check, /health, the tray) and the status handler, in front of the real Dataverse client.</summary>
public class ConnectionCheckTests
{
    private const string WhoAmI = """{"BusinessUnitId":"6f4d6fcb-0000-0000-0000-000000000001","UserId":"6f4d6fcb-0000-0000-0000-000000000002","OrganizationId":"6f4d6fcb-0000-0000-0000-000000000003"}""";

    [Fact]
    public async Task Check_WhenWhoAmIAnswers_IsReachableAndNamesTheUserAndRoundTrip()
    {
        await using var services = Services(_ => Json(HttpStatusCode.OK, WhoAmI));

        var result = await services.GetRequiredService<IConnectionCheck>().CheckAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(CrmState.Reachable, result.State);
        Assert.Contains("6f4d6fcb-0000-0000-0000-000000000002", result.Message, StringComparison.Ordinal);
        Assert.Contains(" ms", result.Message, StringComparison.Ordinal);
        Assert.Equal(CrmState.Reachable, services.GetRequiredService<CrmStatus>().State);
    }

    [Fact]
    public async Task Check_When401_IsSignedOut()
    {
        await using var services = Services(_ => Json(HttpStatusCode.Unauthorized, """{"error":{"code":"0x80040220","message":"token expired"}}"""));

        var result = await services.GetRequiredService<IConnectionCheck>().CheckAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(CrmState.SignedOut, result.State);
        Assert.StartsWith("Signed out of Dynamics 365", result.Sentence, StringComparison.Ordinal);
        Assert.Equal(CrmState.SignedOut, services.GetRequiredService<CrmStatus>().State);
    }

    [Fact]
    public async Task Check_WhenNothingAnswers_IsUnreachable()
    {
        await using var services = Services(_ => throw new HttpRequestException("Connection refused"));

        var result = await services.GetRequiredService<IConnectionCheck>().CheckAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(CrmState.Unreachable, result.State);
        Assert.StartsWith("Dynamics 365 cannot be reached", result.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusHandler_SitsOutsideTheRetries_SoATransientErrorNeverShows()
    {
        var answers = 0;
        await using var services = Services(_ => Interlocked.Increment(ref answers) == 1
            ? Json(HttpStatusCode.ServiceUnavailable, "{}")
            : Json(HttpStatusCode.OK, WhoAmI));
        var status = services.GetRequiredService<CrmStatus>();
        var seen = new List<CrmState>();
        status.Changed += (_, _) => seen.Add(status.State);

        var result = await services.GetRequiredService<IConnectionCheck>().CheckAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(CrmState.Reachable, result.State);
        Assert.Equal(2, answers);
        Assert.Equal([CrmState.Reachable], seen);
    }

    [Fact]
    public async Task Check_WithinTheReuseWindow_AsksDataverseOnce_ThenAgainAfterIt()
    {
        var asked = 0;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var services = Services(_ =>
        {
            Interlocked.Increment(ref asked);
            return Json(HttpStatusCode.OK, WhoAmI);
        }, time);
        var check = services.GetRequiredService<IConnectionCheck>();

        await check.CheckAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        await check.CheckAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(1, asked);

        time.Advance(TimeSpan.FromSeconds(11));
        await check.CheckAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task Check_WhenThe404Answers_NamesTheUrlSetting()
    {
        await using var services = Services(_ => Json(HttpStatusCode.NotFound, """{"error":{"code":"0x80060888","message":"Resource not found"}}"""));

        var result = await services.GetRequiredService<IConnectionCheck>().CheckAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(CrmState.Reachable, result.State);
        Assert.False(result.SignedIn);
        Assert.Contains("TrayPop:Dataverse:Url", result.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Func<HttpRequestMessage, HttpResponseMessage> answer, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrayPop:Dataverse:Url"] = "https://contoso.crm.dynamics.com",
            ["TrayPop:Dataverse:Auth:Mode"] = "None",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time ?? TimeProvider.System);
        services.AddTrayPopCore();
        services.AddHttpClient(nameof(DataverseClient)).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(answer));
        return services.BuildServiceProvider();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
