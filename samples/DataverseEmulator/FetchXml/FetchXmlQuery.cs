using DataverseEmulator.Filtering;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.FetchXml;

/// <summary>A parsed &lt;fetch&gt;: the entity, its attributes (null for all), filter, order and paging.</summary>
internal sealed record FetchXmlQuery(
    string EntityName,
    IReadOnlyList<string>? Attributes,
    FilterNode? Filter,
    IReadOnlyList<OrderByClause> Orders,
    IReadOnlyList<string> ReferencedColumns,
    int? Top,
    int? Count,
    int Page);
