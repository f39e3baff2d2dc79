using System.Globalization;
using System.Text.RegularExpressions;
using DataverseEmulator.Filtering;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>Reads $select, $filter, $orderby, $top, $count and $skiptoken; anything else starting with '$' is refused.</summary>
internal static partial class QueryOptionsParser
{
    /// <returns>The options, or an error response saying what is wrong and where.</returns>
    public static (QueryOptions? Options, ApiResponse? Error) Parse(IReadOnlyDictionary<string, string> query, EntityDefinition entity)
    {
        IReadOnlyList<string>? select = null;
        FilterExpression? filter = null;
        var orderBy = new List<OrderByClause>();
        int? top = null;
        var count = false;
        int? page = null;
        var aliases = query.Where(q => q.Key.StartsWith('@')).ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);

        foreach (var (key, value) in query)
        {
            switch (key.ToLowerInvariant())
            {
                case "$select":
                    // An empty $select means every column, as if it were absent.
                    var columns = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    select = columns.Length == 0 ? null : columns;
                    if (columns.FirstOrDefault(c => !entity.Columns.Contains(c)) is { } unknownSelect)
                    {
                        return (null, ODataErrors.PropertyNotFound(unknownSelect, entity.LogicalName));
                    }

                    break;
                case "$filter":
                    try
                    {
                        filter = FilterParser.Parse(value, aliases);
                    }
                    catch (FilterParseException ex)
                    {
                        return (null, ODataErrors.BadQuery(ex.Message));
                    }

                    if (filter.Properties.FirstOrDefault(p => !entity.Columns.Contains(p.Name)) is { Name: not null } unknownFilter)
                    {
                        return (null, ODataErrors.PropertyNotFound(unknownFilter.Name, entity.LogicalName));
                    }

                    break;
                case "$orderby":
                    foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (pieces.Length > 2 || (pieces.Length == 2 && pieces[1] is not ("asc" or "desc")))
                        {
                            return (null, ODataErrors.BadQuery($"Syntax error in $orderby '{value}': expected 'column [asc|desc]'."));
                        }

                        if (!entity.Columns.Contains(pieces[0]))
                        {
                            return (null, ODataErrors.PropertyNotFound(pieces[0], entity.LogicalName));
                        }

                        orderBy.Add(new OrderByClause(pieces[0], pieces.Length == 2 && pieces[1] == "desc"));
                    }

                    break;
                case "$top":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var topValue))
                    {
                        return (null, ODataErrors.BadQuery($"Invalid value '{value}' for $top query option found. The $top query option requires a non-negative integer value."));
                    }

                    top = topValue;
                    break;
                case "$count":
                    if (value is not ("true" or "false"))
                    {
                        return (null, ODataErrors.BadQuery($"'{value}' is not a valid count option."));
                    }

                    count = value == "true";
                    break;
                case "$skiptoken":
                    var match = PageNumberPattern().Match(value);
                    if (!match.Success)
                    {
                        return (null, ODataErrors.BadQuery("The $skiptoken is not a paging cookie issued by this service."));
                    }

                    page = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                    break;
                case "$deltatoken":
                    // Read by ChangeTrackingHandler; only accepted where it sends the request.
                    break;
                case "$expand":
                case "$apply":
                case "$search":
                case "$skip":
                case "savedquery":
                case "userquery":
                    return (null, key == "$skip"
                        ? ODataErrors.BadQuery("The query parameter $skip is not supported.")
                        : ODataErrors.NotSupported($"The query option '{key}'"));
                default:
                    if (key.StartsWith('$'))
                    {
                        return (null, ODataErrors.BadQuery($"The query parameter {key} is not supported."));
                    }

                    break;
            }
        }

        return (new QueryOptions(select, filter, orderBy, top, count, page), null);
    }

    [GeneratedRegex("pagenumber=\"(\\d+)\"")]
    private static partial Regex PageNumberPattern();
}
