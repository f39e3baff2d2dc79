using Microsoft.Extensions.Options;
using TrayPop.Core.Phones;

namespace TrayPop.Dataverse.Index;

/// <summary>Refuses index settings that would make a sync wrong or refused by Dataverse, naming the key.</summary>
internal sealed class IndexOptionsValidator : IValidateOptions<IndexOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(options.Regions
            .Where(region => !PhoneRegion.IsSupported(region.Trim().ToUpperInvariant()))
            .Select(region => $"TrayPop:Index:Regions has '{region}', which is not an ISO 3166 region with a numbering plan (e.g. US, GB)."));
        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"TrayPop:Index:Interval must be at least one second; got {options.Interval}.");
        }

        if (options.PageSize is < 1 or > 5000)
        {
            failures.Add($"TrayPop:Index:PageSize must be between 1 and 5000; got {options.PageSize}.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"TrayPop:Index:BatchSize must be between 1 and 1000; got {options.BatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
