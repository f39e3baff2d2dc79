using TrayPop.Core.Phones;

namespace TrayPop.Core.Lookup;

/// <summary>Finds the CRM records that carry a caller's number; each strategy (pattern, phone-key index) is one of these.</summary>
internal interface ICallerLookup
{
    /// <summary>Throws when the CRM cannot be searched; the pipeline turns that into a page that needs no CRM.</summary>
    Task<LookupResult> LookupAsync(CallerId callerId, CancellationToken cancellationToken);
}
