using System.Text.Json;
using Microsoft.Extensions.Options;
using NSubstitute;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;

namespace TrayPop.Intake.Tests;

public class HealthReportTests
{
    private readonly IConnectionCheck _connection = Substitute.For<IConnectionCheck>();

    public HealthReportTests()
    {
        _connection.Organisation.Returns("https://contoso.crm.dynamics.com");
        _connection.SignInMode.Returns("Interactive");
    }

    [Fact]
    public async Task Answer_AsksTheOneConnectionCheck_ReusingAnAnswerUpToTenSeconds()
    {
        _connection.CheckAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(new ConnectionCheckResult(CrmState.Reachable, "user 1") { UserId = Guid.Parse("6f4d6fcb-0000-0000-0000-000000000002") });

        var body = await AnswerAsync();

        await _connection.Received(1).CheckAsync(TimeSpan.FromSeconds(10), Arg.Any<CancellationToken>());
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("crm").GetProperty("reachable").GetBoolean());
        Assert.Equal("6f4d6fcb-0000-0000-0000-000000000002", body.GetProperty("crm").GetProperty("userId").GetString());
        Assert.Equal("https://contoso.crm.dynamics.com", body.GetProperty("crm").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Answer_WhenTheCheckFails_IsDegradedWithTheCheckersOwnWords()
    {
        _connection.CheckAsync(Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(new ConnectionCheckResult(CrmState.Unreachable, "Nothing answers at contoso.crm.dynamics.com:443 (connection refused): check TrayPop:Dataverse:Url."));

        var body = await AnswerAsync();

        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("crm").GetProperty("reachable").GetBoolean());
        Assert.StartsWith("Nothing answers at", body.GetProperty("crm").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> AnswerAsync()
    {
        var report = new HealthReport(_connection, Options.Create(new ListenerOptions { ConfiguredPort = 47470, ConfiguredLinePort = 47471 }), new PopSwitch());
        var response = await report.AnswerAsync(CancellationToken.None);
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }
}
