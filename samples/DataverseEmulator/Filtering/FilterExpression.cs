namespace DataverseEmulator.Filtering;

/// <summary>A parsed $filter: the tree to evaluate and the columns it reads (so unknown columns can be refused).</summary>
internal sealed record FilterExpression(FilterNode Root, IReadOnlyList<PropertyReference> Properties);
