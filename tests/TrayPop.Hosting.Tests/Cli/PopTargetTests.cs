using System.Collections;
using Microsoft.Extensions.Configuration;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;

namespace TrayPop.Hosting.Tests.Cli;

public sealed class PopTargetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("traypop-pop-").FullName;

    private string AppSettings => Path.Combine(_directory, "appsettings.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private PopTarget Read(string[] settings, Hashtable? environment = null, TrayPopPlatform? platform = null) =>
        PopTarget.Read(settings, platform ?? TrayPopPlatform.Headless, environment ?? [], AppSettings);

    [Fact]
    public void Read_NothingSet_IsTheDefaultLinePortWithoutAToken()
    {
        Assert.Equal(new PopTarget(47471, null), Read([]));
    }

    [Theory]
    [InlineData(0, 47471)]
    [InlineData(1, 47471)]
    [InlineData(3, 47475)]
    public void Read_InASession_IsThatSessionsLinePort(int session, int port)
    {
        Assert.Equal(port, Read([], platform: new TrayPopPlatform { SessionId = session }).LinePort);
    }

    [Fact]
    public void Read_BasePortInASession_MovesThatSessionsPort()
    {
        Assert.Equal(50005, Read(["--TrayPop:Listener:BasePort=50000"], platform: new TrayPopPlatform { SessionId = 3 }).LinePort);
    }

    [Fact]
    public void Read_ExplicitLinePort_WinsInEverySession()
    {
        Assert.Equal(50123, Read(["--TrayPop:Listener:LinePort=50123", "--TrayPop:Listener:BasePort=50000"], platform: new TrayPopPlatform { SessionId = 3 }).LinePort);
    }

    [Fact]
    public void Read_HttpPort_IsNotTheLinePort()
    {
        // An explicit HTTP port leaves the line on this session's pair, as it does for the service.
        Assert.Equal(47471, Read(["--TrayPop:Listener:Port=50123"]).LinePort);
    }

    [Fact]
    public void Read_LinePortZero_IsZero_TheLineIsOff()
    {
        Assert.Equal(0, Read(["--TrayPop:Listener:LinePort=0"]).LinePort);
    }

    [Fact]
    public void Read_Environment_UsesDoubleUnderscoresAndAnyCase()
    {
        var environment = new Hashtable { ["TRAYPOP__LISTENER__LINEPORT"] = "50001", ["TrayPop__Listener__Token"] = "from-env" };

        Assert.Equal(new PopTarget(50001, "from-env"), Read([], environment));
    }

    [Fact]
    public void Read_CommandLine_WinsOverTheEnvironment_AndTheLastSettingWins()
    {
        var environment = new Hashtable { ["TrayPop__Listener__LinePort"] = "50001" };

        Assert.Equal(50003, Read(["--TrayPop:Listener:LinePort=50002", "--trayPop:listener:lineport=50003"], environment).LinePort);
    }

    [Fact]
    public void Read_DoubleUnderscoresOnTheCommandLine_AreNoListenerSetting()
    {
        // The command-line source takes keys as written; only the environment turns "__" into ":".
        Assert.Equal(47471, Read(["--TrayPop__Listener__LinePort=50002"]).LinePort);
    }

    [Fact]
    public void Read_AppSettings_IsBelowTheEnvironment()
    {
        File.WriteAllText(AppSettings, """{ "TrayPop": { "Listener": { "LinePort": 50010, "Token": "from-file" } } }""");

        Assert.Equal(new PopTarget(50010, "from-file"), Read([]));
        Assert.Equal(new PopTarget(50011, "from-file"), Read([], new Hashtable { ["TrayPop__Listener__LinePort"] = "50011" }));
    }

    [Fact]
    public void Read_PlatformSources_AreAboveAppSettingsAndBelowTheEnvironment()
    {
        File.WriteAllText(AppSettings, """{ "TrayPop": { "Listener": { "BasePort": 50020 } } }""");
        var policy = new TrayPopPlatform
        {
            AddConfiguration = builder => builder.AddInMemoryCollection([new("TrayPop:Listener:BasePort", "50030")]),
        };

        Assert.Equal(50031, Read([], platform: policy).LinePort);
        Assert.Equal(50041, Read([], new Hashtable { ["TrayPop__Listener__BasePort"] = "50040" }, policy).LinePort);
    }

    [Theory]
    [InlineData("0x10", 16)]
    [InlineData(" 50050 ", 50050)]
    [InlineData("+50051", 50051)]
    public void Read_PortWrittenOtherThanAsDigits_MeansWhatItMeansToTheBinder(string port, int expected)
    {
        Assert.Equal(expected, Read([$"--TrayPop:Listener:LinePort={port}"]).LinePort);
    }

    [Fact]
    public void Read_NumberTheBinderCannotRead_FailsAsItDoesForTheService()
    {
        Assert.Throws<InvalidOperationException>(() => Read(["--TrayPop:Listener:MaxEventsPerSecond=lots"]));
    }

    [Fact]
    public void Read_TokenFile_GivesItsFirstLineTrimmed()
    {
        var tokenFile = Path.Combine(_directory, "token");
        File.WriteAllLines(tokenFile, ["  from-the-file  ", "second line"]);

        Assert.Equal("from-the-file", Read([$"--TrayPop:Listener:TokenFile={tokenFile}"]).Token);
    }

    [Fact]
    public void Read_TokenOverTokenFile_TheTokenWins()
    {
        Assert.Equal("given", Read(["--TrayPop:Listener:Token=given", $"--TrayPop:Listener:TokenFile={Path.Combine(_directory, "missing")}"]).Token);
    }

    [Fact]
    public void Read_EmptyToken_IsNoToken()
    {
        Assert.Null(Read(["--TrayPop:Listener:Token="]).Token);
    }
}
