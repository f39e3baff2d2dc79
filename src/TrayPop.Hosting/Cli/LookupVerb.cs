using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Core.Diagnostics;
using TrayPop.Hosting;
using TrayPop.Intake;
using TrayPop.Core.Lookup;
using TrayPop.Core.Pop;

using TrayPop.Core.Phones;

namespace TrayPop.Hosting.Cli;

/// <summary><c>traypop lookup NUMBER [--json]</c>: resolves one number with the configured Dataverse and prints what a pop would open.</summary>
internal static class LookupVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, TrayPopPlatform platform, string number, bool json, CancellationToken cancellationToken)
    {
        try
        {
            await using var services = CliServices.Build(TrayPopConfiguration.Build(settings, platform), platform);
            var callerId = services.GetRequiredService<CallerIdParser>().Parse(number);
            var result = await services.GetRequiredService<ICallerLookup>().LookupAsync(callerId, cancellationToken);
            var decision = services.GetRequiredService<PopDecider>().Decide(new CallRule { Action = PopAction.OpenRecord }, result);
            var url = decision.Url ?? decision.Notification?.ClickUrl;
            if (json)
            {
                Console.WriteLine(Encoding.UTF8.GetString(PopReportJson.Lookup(result, url)));
                return 0;
            }

            Console.WriteLine($"Caller id: {(result.CallerId.Text.Length > 0 ? OutsideText.Escape(result.CallerId.Text) : "(withheld)")}");
            Console.WriteLine($"Outcome:   {result.Outcome.ToString().ToLowerInvariant()}");
            foreach (var match in result.Matches)
            {
                Console.WriteLine($"  {match.Entity} {match.Id} {OutsideText.Escape(match.Name)}");
            }

            Console.WriteLine(decision.Kind == PopKind.Choose
                ? $"Opens:     the record the agent chooses (a notification lists the {result.Matches.Count})"
                : $"Opens:     {url?.AbsoluteUri ?? "nothing"}");
            return 0;
        }
        catch (Exception ex) when (StartupErrors.Explain(ex, Console.Error) is { } code)
        {
            return code;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"The lookup failed: {OutsideText.Escape(ex.Message, 1024)}");
            return StartupErrors.Failed;
        }
    }
}
