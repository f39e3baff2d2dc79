using System.CommandLine;
using TrayPop.Core.Calls;
using TrayPop.Hosting;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// The verbs of <c>traypop</c> (and of the Windows TrayPop.exe): run (default), demo, pop, lookup, check.
/// Settings may follow any verb as <c>--TrayPop:Key=Value</c>.
/// </summary>
internal static class TrayPopCommandLine
{
    public static Task<int> RunAsync(string[] args, TrayPopPlatform platform, CancellationToken cancellationToken = default)
    {
        var (settings, verbs) = SplitSettings(args);

        // A softphone runs pop on every call: plain pop arguments skip System.CommandLine's start-up cost.
        return PopVerb.TryRunPlain(settings, verbs, platform) is { } exit
            ? Task.FromResult(exit)
            : InvokeAsync(settings, verbs, platform, cancellationToken);
    }

    // Apart, so that a fast pop never loads System.CommandLine (the JIT loads what a method it compiles refers to).
    private static Task<int> InvokeAsync(List<string> settings, List<string> verbs, TrayPopPlatform platform, CancellationToken cancellationToken) =>
        Create(settings, platform).Parse(verbs).InvokeAsync(cancellationToken: cancellationToken);

    /// <summary>The verbs with their options and actions; <paramref name="settings"/> go to every verb's configuration.</summary>
    internal static RootCommand Create(List<string> settings, TrayPopPlatform platform)
    {
        var noTray = new Option<bool>("--no-tray") { Description = "Run headless, without the tray icon." };

        var run = new Command("run", "Run the service: tray on Windows, headless elsewhere.") { noTray };
        run.SetAction((parse, ct) => RunVerb.RunAsync(WithTray(settings, parse.GetValue(noTray)), platform, ct));

        var demo = new Command("demo", "Run the service against an in-process Dataverse emulator with sample contacts.") { noTray };
        demo.SetAction((parse, ct) => DemoVerb.RunAsync(WithTray(settings, parse.GetValue(noTray)), platform, ct));

        var type = new Option<CallType>("--type") { Description = "inbound, outbound, internal or predictive.", DefaultValueFactory = _ => CallType.Inbound };
        var phase = new Option<CallPhase?>("--phase") { Description = "ring, answer or end; absent means act now." };
        var callId = new Option<string?>("--call-id") { Description = "The softphone's id for the call." };
        var number = new Argument<string[]>("NUMBER") { Description = "The other party's number or caller id; may come last, split on spaces.", Arity = ArgumentArity.OneOrMore };
        var pop = new Command("pop", "Hand one call event to the running TrayPop of this session.") { type, phase, callId, number };
        pop.SetAction((parse, ct) => PopVerb.RunAsync(settings, platform, new CallEvent(
            string.Join(' ', parse.GetValue(number) ?? []), parse.GetValue(type), parse.GetValue(phase) ?? CallPhase.Now, parse.GetValue(callId)), ct));

        var json = new Option<bool>("--json") { Description = "Print one JSON object: outcome, matches, url." };
        var lookupNumber = new Argument<string[]>("NUMBER") { Arity = ArgumentArity.OneOrMore };
        var lookup = new Command("lookup", "Resolve one number with the configured Dataverse and print the result.") { lookupNumber, json };
        lookup.SetAction((parse, ct) => LookupVerb.RunAsync(settings, platform, string.Join(' ', parse.GetValue(lookupNumber) ?? []), parse.GetValue(json), ct));

        var check = new Command("check", "Verify configuration, sign-in (WhoAmI) and the listener port.");
        check.SetAction((_, ct) => CheckVerb.RunAsync(settings, platform, ct));

        var recentJson = new Option<bool>("--json") { Description = "Print one JSON array, newest first." };
        var recent = new Command("recent", "The last events the running TrayPop of this session handled: channel, call id, type, phase, caller id (masked), outcome, decision, URL.") { recentJson };
        recent.SetAction((parse, ct) => RecentVerb.RunAsync(settings, platform, parse.GetValue(recentJson), ct));

        var root = new RootCommand("TrayPop: the caller's CRM record on screen before the agent says hello.") { run, demo, pop, lookup, check, recent, IndexCommand(settings, platform), noTray };
        root.SetAction((parse, ct) => RunVerb.RunAsync(WithTray(settings, parse.GetValue(noTray)), platform, ct));
        return root;
    }

    /// <summary><c>index setup | sync [--once] | status [--json]</c>: the phone-key index, for an admin or a server.</summary>
    private static Command IndexCommand(List<string> settings, TrayPopPlatform platform)
    {
        var setup = new Command("setup", "Create the phone-key table and its alternate key in Dataverse (idempotent); wait until the key is active.");
        setup.SetAction((_, ct) => IndexVerb.SetupAsync(settings, platform, ct));
        var once = new Option<bool>("--once") { Description = "One run, then exit; without it, run every TrayPop:Index:Interval until stopped." };
        var sync = new Command("sync", "Fill the phone-key index from the lookup tables and keep it current (change tracking).") { once };
        sync.SetAction((parse, ct) => IndexVerb.SyncAsync(settings, platform, parse.GetValue(once), ct));
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var status = new Command("status", "The key table, its key, its rows, the last sync and its lag.") { json };
        status.SetAction((parse, ct) => IndexVerb.StatusAsync(settings, platform, parse.GetValue(json), ct));
        return new Command("index", "The phone-key index in Dataverse: setup, sync, status. Run by an admin or a server, not on agents' machines.") { setup, sync, status };
    }

    /// <summary>Settings (<c>--TrayPop:Key=Value</c>) go to configuration; everything else is a verb, option or argument.</summary>
    internal static (List<string> Settings, List<string> Verbs) SplitSettings(IEnumerable<string> args)
    {
        var settings = new List<string>();
        var verbs = new List<string>();
        foreach (var arg in args)
        {
            var isSetting = arg.Contains('=', StringComparison.Ordinal)
                && (arg.StartsWith("--TrayPop:", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("--TrayPop__", StringComparison.OrdinalIgnoreCase));
            (isSetting ? settings : verbs).Add(arg);
        }

        return (settings, verbs);
    }

    private static List<string> WithTray(List<string> settings, bool noTray) =>
        noTray ? [.. settings, "--TrayPop:Tray:Enabled=false"] : settings;
}
