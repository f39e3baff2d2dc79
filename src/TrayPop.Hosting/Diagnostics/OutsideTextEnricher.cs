using Serilog.Core;
using Serilog.Events;
using TrayPop.Core.Diagnostics;

namespace TrayPop.Hosting.Diagnostics;

/// <summary>
/// The last line of defence for the log: every string property of every event is escaped as <see cref="OutsideText"/>
/// does, so a parameter that a call site forgot to escape still cannot forge a line, drive the terminal or reorder text.
/// </summary>
internal sealed class OutsideTextEnricher : ILogEventEnricher
{
    // Generous: call sites cut outside text shorter; this only stops a runaway value filling the log.
    public const int MaxLength = 4096;

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? replaced = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && OutsideText.Escape(text, MaxLength) is var escaped && !ReferenceEquals(escaped, text))
            {
                (replaced ??= []).Add(new LogEventProperty(name, new ScalarValue(escaped)));
            }
        }

        foreach (var property in replaced ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }
}
