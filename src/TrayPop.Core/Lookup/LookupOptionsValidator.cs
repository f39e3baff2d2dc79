using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TrayPop.Core.Lookup;

/// <summary>Refuses table and column names that are not plain identifiers: they go into the query as they are.</summary>
internal sealed partial class LookupOptionsValidator : IValidateOptions<LookupOptions>
{
    public ValidateOptionsResult Validate(string? name, LookupOptions options)
    {
        var failures = new List<string>();
        if (options.MaxCandidates is < 1 or > 5000)
        {
            failures.Add($"TrayPop:Lookup:MaxCandidates must be between 1 and 5000; got {options.MaxCandidates}.");
        }

        if (!Enum.TryParse<LookupStrategy>(options.Strategy, ignoreCase: true, out var strategy) || !Enum.IsDefined(strategy)
            || options.Strategy.Trim().All(char.IsAsciiDigit))
        {
            failures.Add($"TrayPop:Lookup:Strategy must be Auto, Keys or Pattern; got '{options.Strategy}'.");
        }

        var entities = options.EffectiveEntities;
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            var key = $"TrayPop:Lookup:Entities:{i}";
            foreach (var (field, value) in new[] { ("Name", entity.Name), ("SetName", entity.EntitySet), ("IdColumn", entity.KeyColumn), ("NameColumn", entity.NameColumn) })
            {
                if (!Identifier().IsMatch(value))
                {
                    failures.Add($"{key}:{field} must be a Dataverse logical name (letters, digits, underscore); got '{value}'.");
                }
            }

            if (entity.PhoneColumns.Count == 0)
            {
                failures.Add($"{key}:PhoneColumns must name at least one column.");
            }

            failures.AddRange(entity.PhoneColumns
                .Where(column => !Identifier().IsMatch(column))
                .Select(column => $"{key}:PhoneColumns has '{column}', which is not a Dataverse logical name."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$")]
    private static partial Regex Identifier();
}
