using Microsoft.Extensions.Options;

namespace TrayPop.Core.Journal;

/// <summary>Bad journal settings fail at start with the key to fix, not at the first call.</summary>
internal sealed class JournalOptionsValidator : IValidateOptions<JournalOptions>
{
    private static readonly string[] Placeholders = ["{direction}", "{name}", "{number}"];

    public ValidateOptionsResult Validate(string? name, JournalOptions options)
    {
        var failures = new List<string>();
        if (options.ParseCallTypes().Bad is { } bad)
        {
            failures.Add($"TrayPop:Journal:CallTypes: '{bad}' is not a call type (inbound, outbound, internal, predictive).");
        }

        if (string.IsNullOrWhiteSpace(options.Subject))
        {
            failures.Add("TrayPop:Journal:Subject must not be empty: Dataverse requires a subject.");
        }
        else if (options.Subject.Replace("{{", "", StringComparison.Ordinal).Split('{').Skip(1)
                 .Any(part => !Placeholders.Any(p => ("{" + part).StartsWith(p, StringComparison.Ordinal))))
        {
            failures.Add("TrayPop:Journal:Subject may use only {direction}, {name} and {number}.");
        }

        if (options.MaxCallLength <= TimeSpan.Zero)
        {
            failures.Add("TrayPop:Journal:MaxCallLength must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
