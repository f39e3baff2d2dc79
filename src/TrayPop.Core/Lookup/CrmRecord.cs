namespace TrayPop.Core.Lookup;

/// <summary>A record that carries the caller's number.</summary>
/// <param name="Entity">Logical name: <c>contact</c>, <c>account</c>, <c>lead</c>.</param>
internal sealed record CrmRecord(string Entity, Guid Id, string Name);
