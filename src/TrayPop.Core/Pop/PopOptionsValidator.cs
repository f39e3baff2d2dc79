using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Pop;

/// <summary>Checks pop rules at start, custom URL templates included: a template must stay under the CRM's origin.</summary>
internal sealed class PopOptionsValidator(CrmUrlPolicy policy) : IValidateOptions<PopOptions>
{
    public ValidateOptionsResult Validate(string? name, PopOptions options)
    {
        var failures = new List<string>();
        foreach (var (type, rule) in options.Rules.All)
        {
            var key = $"TrayPop:Pop:Rules:{type}";
            if (rule.When is not (CallPhase.Ring or CallPhase.Answer))
            {
                failures.Add($"{key}:When must be Ring or Answer; got {rule.When}.");
            }

            if (rule.Action == PopAction.Url)
            {
                failures.AddRange(CheckTemplate($"{key}:UrlTemplate", rule.UrlTemplate));
            }
        }

        if (options.Budget <= TimeSpan.Zero)
        {
            failures.Add("TrayPop:Pop:Budget must be positive.");
        }

        if (options.DedupeWindow < TimeSpan.Zero)
        {
            failures.Add("TrayPop:Pop:DedupeWindow must not be negative.");
        }

        if (options.RateLimit.Pops < 1 || options.RateLimit.Per <= TimeSpan.Zero)
        {
            failures.Add("TrayPop:Pop:RateLimit needs Pops of at least 1 and a positive Per.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> CheckTemplate(string key, string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            yield return $"{key} is required when the action is Url.";
            yield break;
        }

        // Fill the placeholders with awkward values: whatever a call brings, the URL must stay on the CRM.
        var probe = new CallerId(CallerIdKind.Unrecognised, null, null, "@evil.example/../x?y#z");
        Uri? url = null;
        try
        {
            url = CrmUrlBuilder.FromTemplate(template, probe, new CrmRecord("contact", Guid.Empty, ""));
        }
        catch (UriFormatException)
        {
        }

        if (!policy.Allows(url))
        {
            yield return $"{key} must be an absolute URL under the CRM's origin {policy.Origin}; got '{template}'.";
        }
    }
}
