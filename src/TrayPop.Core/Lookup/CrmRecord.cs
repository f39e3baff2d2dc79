namespace TrayPop.Core.Lookup;

/// <summary>A record that carries the caller's number.</summary>
/// <param name="Entity">Logical name: <c>contact</c>, <c>account</c>, <c>lead</c>.</param>
/// <param name="Number">
/// The phone column's text as stored (<c>(206) 555-0100</c>), when the lookup read it; what the CRM's own Quick Find,
/// which matches from the start of the text, finds the record by.
/// </param>
internal sealed record CrmRecord(string Entity, Guid Id, string Name, string? Number = null);
