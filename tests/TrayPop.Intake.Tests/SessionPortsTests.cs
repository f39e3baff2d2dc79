using DataverseEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;
using TrayPop.Intake;
using TrayPop.Core.Pop;
using TrayPop.Testing;
using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

public class SessionPortsTests
{
    [Theory]
    [InlineData(0, 47470, 47471)]
    [InlineData(1, 47470, 47471)]
    [InlineData(2, 47472, 47473)]
    [InlineData(3, 47474, 47475)]
    [InlineData(100, 47668, 47669)]
    public void Ports_ForSession_AreTheDefaultsOnADesktopAndTheNextPairPerSession(int session, int http, int line)
    {
        Assert.Equal(http, SessionPorts.Http(ListenerOptions.DefaultPort, session));
        Assert.Equal(line, SessionPorts.Line(ListenerOptions.DefaultPort, session));
    }

    [Fact]
    public void Ports_OfDifferentSessions_NeverOverlap()
    {
        var taken = new HashSet<int>();
        for (var session = 1; session <= 500; session++)
        {
            Assert.True(taken.Add(SessionPorts.Http(47470, session)), $"session {session} HTTP");
            Assert.True(taken.Add(SessionPorts.Line(47470, session)), $"session {session} line");
        }
    }

    [Fact]
    public void Ports_ForAHugeSessionId_DoNotOverflow()
    {
        Assert.True(SessionPorts.Http(47470, int.MaxValue) > 65535);
    }

    [Fact]
    public void Options_WithoutPorts_TakeThisSessionsPairFromTheBasePort()
    {
        var options = Bind(("BasePort", "50000"));
        options.SessionId = 4;

        Assert.Equal(50006, options.Port);
        Assert.Equal(50007, options.LinePort);
        Assert.True(new ListenerOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Options_WithAnExplicitPort_UseItInEverySessionAndKeepTheSessionsLinePort()
    {
        var options = Bind(("Port", "5000"));
        options.SessionId = 3;

        Assert.Equal(5000, options.Port);
        Assert.Equal(47475, options.LinePort);
    }

    [Fact]
    public void Options_WithExplicitPorts_IgnoreTheSession()
    {
        var options = Bind(("Port", "5000"), ("LinePort", "0"));
        options.SessionId = 7;

        Assert.Equal(5000, options.Port);
        Assert.Equal(0, options.LinePort);
    }

    [Fact]
    public void Options_Unconfigured_KeepTheDocumentedDefaults()
    {
        var options = Bind();

        Assert.Equal(47470, options.Port);
        Assert.Equal(47471, options.LinePort);
    }

    [Fact]
    public void Validate_WhenTheSessionPushesThePortPast65535_NamesBasePort()
    {
        var options = Bind(("BasePort", "65000"));
        options.SessionId = 300;

        var result = new ListenerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("TrayPop:Listener:BasePort", failure, StringComparison.Ordinal);
        Assert.Contains("session 300", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65535")]
    public void Validate_BasePortOutOfRange_Fails(string basePort)
    {
        var result = new ListenerOptionsValidator().Validate(null, Bind(("BasePort", basePort)));

        Assert.Contains(result.Failures!, f => f.Contains("BasePort must be between 1 and 65534", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WhenAnExplicitPortMeetsTheSessionsLinePort_Fails()
    {
        var options = Bind(("Port", "47471"));

        var result = new ListenerOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("LinePort must differ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostAndPop_InOneSession_MeetOnThatSessionsPort()
    {
        // Session 3's line protocol listens on BasePort + 5: aim that at a port known to be free. Its HTTP port
        // (BasePort + 4) is set apart, on another free port: pop meets the service on the line port alone.
        var port = FreePort.Next();
        var platform = new TrayPopPlatform { SessionId = 3 };
        await using var crm = await EmulatorServer.StartAsync(TestSeed.Create());
        string[] settings =
        [
            $"--TrayPop:Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}",
            "--TrayPop:Dataverse:Auth:Mode=None",
            $"--TrayPop:Listener:BasePort={port - 5}",
            $"--TrayPop:Listener:Port={FreePort.Next()}",
            $"--TrayPop:Logging:Directory={Path.Combine(Path.GetTempPath(), "traypop-tests", "logs")}",
            "--TrayPop:Phone:DefaultRegion=US",
        ];
        var launcher = new RecordingLauncher();
        using var app = TrayPopHost.Build(settings, platform, console: false, overrides: services => services.AddSingleton<ILauncher>(launcher));
        await app.StartAsync();

        var listening = app.Services.GetRequiredService<IOptions<ListenerOptions>>().Value.LinePort;
        var exit = await PopVerb.RunAsync(settings, platform, new CallEvent("+14255550101", CallType.Inbound, CallPhase.Now, null), CancellationToken.None);

        Assert.Equal(port, listening);
        Assert.Equal(0, exit);
        await app.StopAsync();
    }

    private static ListenerOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{ListenerOptions.Section}:{s.Key}", s.Value)))
            .Build();
        return configuration.GetSection(ListenerOptions.Section).Get<ListenerOptions>() ?? new ListenerOptions();
    }
}
