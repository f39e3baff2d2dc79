using System.CommandLine;
using TrayPop.Core.Calls;
using TrayPop.Hosting.Cli;
using TrayPop.Hosting;

namespace TrayPop.Hosting.Tests.Cli;

public class PopArgumentsTests
{
    public static TheoryData<string[], object> Plain => new()
    {
        { ["pop", "+14255550101"], new CallEvent("+14255550101") },
        { ["pop", "--type", "outbound", "+14255550101"], new CallEvent("+14255550101", CallType.Outbound) },
        { ["pop", "--type=Outbound", "+14255550101"], new CallEvent("+14255550101", CallType.Outbound) },
        { ["pop", "--type:PREDICTIVE", "+14255550101"], new CallEvent("+14255550101", CallType.Predictive) },
        { ["pop", "--phase", "answer", "+14255550101"], new CallEvent("+14255550101", Phase: CallPhase.Answer) },
        { ["pop", "--phase=ring", "+14255550101"], new CallEvent("+14255550101", Phase: CallPhase.Ring) },
        { ["pop", "--phase", "now", "+14255550101"], new CallEvent("+14255550101") },
        { ["pop", "--call-id", "c-17", "+14255550101"], new CallEvent("+14255550101", CallId: "c-17") },
        { ["pop", "--call-id=a=b:c", "+14255550101"], new CallEvent("+14255550101", CallId: "a=b:c") },
        { ["pop", "--call-id:x", "+14255550101"], new CallEvent("+14255550101", CallId: "x") },
        {
            ["pop", "--phase", "end", "--call-id", "9", "--type", "internal", "+1", "425", "555", "0101"],
            new CallEvent("+1 425 555 0101", CallType.Internal, CallPhase.End, "9")
        },
        // MicroSIP appends the remote party; a name-addr arrives split on its spaces.
        { ["pop", "--phase", "answer", "\"Jane", "Doe\"", "<sip:4255550101@10.1.2.3>"], new CallEvent("\"Jane Doe\" <sip:4255550101@10.1.2.3>", Phase: CallPhase.Answer) },
        { ["pop", "sip:+14255550101@pbx;user=phone"], new CallEvent("sip:+14255550101@pbx;user=phone") },
        { ["pop", "Zoë", "Ülker"], new CallEvent("Zoë Ülker") },
        { ["pop", "pop", "run"], new CallEvent("pop run") },
        { ["pop", "--call-id", "", "+14255550101"], new CallEvent("+14255550101", CallId: "") },
        { ["pop", ""], new CallEvent("") },
    };

    public static TheoryData<string[]> FallBack => new()
    {
        { ["pop"] },
        { ["pop", "--help"] },
        { ["pop", "-h"] },
        { ["pop", "-?"] },
        { ["pop", "/?"] },
        { ["pop", "/h"] },
        { ["pop", "+14255550101", "--help"] },
        { ["pop", "--type", "sideways", "+14255550101"] },
        { ["pop", "--type", "1", "+14255550101"] },
        { ["pop", "--type", "inbound,outbound", "+14255550101"] },
        { ["pop", "--type=", "+14255550101"] },
        { ["pop", "--call-id=", "+14255550101"] },
        { ["pop", "--call-id:", "+14255550101"] },
        { ["pop", "--type"] },
        { ["pop", "--type", "inbound"] },
        { ["pop", "--type", "inbound", "--type", "outbound", "+14255550101"] },
        { ["pop", "--phase", "later", "+14255550101"] },
        { ["pop", "--call-id", "--type", "inbound", "+14255550101"] },
        { ["pop", "--call-id", "-5", "+14255550101"] },
        { ["pop", "--unknown", "x", "+14255550101"] },
        { ["pop", "--no-tray", "+14255550101"] },
        { ["pop", "-t", "inbound", "+14255550101"] },
        { ["pop", "--", "+14255550101"] },
        { ["pop", "@numbers.rsp"] },
        { ["pop", "+14255550101", "--type", "outbound"] },
        { ["pop", "+14255550101", "-"] },
        { ["run"] },
        { ["lookup", "+14255550101"] },
        { ["Pop", "+14255550101"] },
        { ["--no-tray", "pop", "+14255550101"] },
        { [] },
    };

    [Theory]
    [MemberData(nameof(Plain))]
    public void Parse_PlainArguments_ReadTheEvent(string[] verbs, object expected)
    {
        Assert.Equal(expected, PopArguments.Parse(verbs));
    }

    [Theory]
    [MemberData(nameof(Plain))]
    public void Parse_PlainArguments_MeanWhatTheyMeanToSystemCommandLine(string[] verbs, object expected)
    {
        var parsed = TrayPopCommandLine.Create([], TrayPopPlatform.Headless).Parse(verbs);

        Assert.Empty(parsed.Errors);
        Assert.Equal("pop", parsed.CommandResult.Command.Name);
        var number = string.Join(' ', parsed.GetValue<string[]>("NUMBER") ?? []);
        var fromCommandLine = new CallEvent(number, parsed.GetValue<CallType>("--type"), parsed.GetValue<CallPhase?>("--phase") ?? CallPhase.Now, parsed.GetValue<string?>("--call-id"));
        Assert.Equal(expected, fromCommandLine);
    }

    [Theory]
    [MemberData(nameof(FallBack))]
    public void Parse_ArgumentsItDoesNotUnderstandForCertain_FallBackToSystemCommandLine(string[] verbs)
    {
        Assert.Null(PopArguments.Parse(verbs));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Parse_Help_IsLeftToSystemCommandLineWhichShowsIt(string help)
    {
        var parsed = TrayPopCommandLine.Create([], TrayPopPlatform.Headless).Parse(["pop", help]);

        Assert.Null(PopArguments.Parse(["pop", help]));
        Assert.IsType<System.CommandLine.Help.HelpAction>(parsed.Action);
    }

    [Fact]
    public void SplitSettings_SettingsAnywhere_AreTakenOutBeforeThePopArgumentsAreRead()
    {
        var (settings, verbs) = TrayPopCommandLine.SplitSettings(
            ["pop", "--TrayPop:Listener:Port=47999", "--type", "--trayPop:Listener:Token=t", "outbound", "+1", "425", "--TrayPop__Listener__BasePort=1"]);

        Assert.Equal(["--TrayPop:Listener:Port=47999", "--trayPop:Listener:Token=t", "--TrayPop__Listener__BasePort=1"], settings);
        Assert.Equal(new CallEvent("+1 425", CallType.Outbound), PopArguments.Parse(verbs));
    }
}
