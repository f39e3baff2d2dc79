using DataverseEmulator.Filtering;

namespace DataverseEmulator.WebApi;

/// <summary>The system query options of one request, parsed and checked against the table's columns.</summary>
internal sealed record QueryOptions(
    IReadOnlyList<string>? Select,
    FilterExpression? Filter,
    IReadOnlyList<OrderByClause> OrderBy,
    int? Top,
    bool Count,
    int? PageNumber);
