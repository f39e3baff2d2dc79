using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DataverseEmulator.Filtering;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.FetchXml;

/// <summary>
/// Reads the FetchXML subset a phone lookup needs: attributes, nested and/or filters, the comparison,
/// like/begins-with/ends-with, in/not-in and null conditions, order, top, count and page. Link-entities
/// and aggregates are refused rather than ignored.
/// </summary>
internal static class FetchXmlParser
{
    public static FetchXmlQuery Parse(string xml)
    {
        XElement fetch;
        try
        {
            fetch = XElement.Parse(xml);
        }
        catch (XmlException ex)
        {
            throw new FetchXmlException($"Invalid XML: {ex.Message}", ex);
        }

        if (fetch.Name.LocalName != "fetch" || fetch.Elements("entity").SingleOrDefault() is not { } entity)
        {
            throw new FetchXmlException("The FetchXML must be a <fetch> element with one <entity>.");
        }

        if (fetch.Attribute("aggregate")?.Value == "true" || entity.Elements("link-entity").Any())
        {
            throw new FetchXmlException("Aggregates and link-entity are not supported by the Dataverse emulator.", "0x80048d0b");
        }

        var name = entity.Attribute("name")?.Value ?? throw new FetchXmlException("The <entity> element needs a name.");
        var referenced = new List<string>();
        IReadOnlyList<string>? attributes = entity.Element("all-attributes") is not null || !entity.Elements("attribute").Any()
            ? null
            : [.. entity.Elements("attribute").Select(a => Required(a, "name"))];
        referenced.AddRange(attributes ?? []);

        var orders = entity.Elements("order").Select(o =>
        {
            var column = Required(o, "attribute");
            referenced.Add(column);
            return new OrderByClause(column, o.Attribute("descending")?.Value == "true");
        }).ToList();

        var filters = entity.Elements("filter").Select(f => ParseFilter(f, referenced)).ToList();
        var filter = filters.Count == 0 ? null : filters.Aggregate((a, b) => new LogicalNode(LogicalOperator.And, a, b));
        return new FetchXmlQuery(name, attributes, filter, orders, referenced, Number(fetch, "top"), Number(fetch, "count"), Number(fetch, "page") ?? 1);
    }

    private static FilterNode ParseFilter(XElement filter, List<string> referenced)
    {
        var op = filter.Attribute("type")?.Value == "or" ? LogicalOperator.Or : LogicalOperator.And;
        var parts = filter.Elements().Select(e => e.Name.LocalName switch
        {
            "condition" => ParseCondition(e, referenced),
            "filter" => ParseFilter(e, referenced),
            var other => throw new FetchXmlException($"'{other}' is not allowed inside <filter>."),
        }).ToList();
        if (parts.Count == 0)
        {
            throw new FetchXmlException("A <filter> needs at least one condition.");
        }

        return parts.Aggregate((a, b) => new LogicalNode(op, a, b));
    }

    private static FilterNode ParseCondition(XElement condition, List<string> referenced)
    {
        var column = Required(condition, "attribute");
        referenced.Add(column);
        var op = Required(condition, "operator");
        var value = condition.Attribute("value")?.Value;
        var values = condition.Elements("value").Select(v => v.Value).ToList();
        string Single() => value ?? values.FirstOrDefault() ?? throw new FetchXmlException($"The '{op}' condition on '{column}' needs a value.");
        var property = new PropertyOperand(column);
        FilterNode Compare(ComparisonOperator comparison) => new ComparisonNode(comparison, property, new TextLiteralOperand(Single(), column));
        FilterNode In() => values.Count == 0
            ? throw new FetchXmlException($"The '{op}' condition on '{column}' needs <value> elements.")
            : values.Select(v => (FilterNode)new ComparisonNode(ComparisonOperator.Equal, property, new TextLiteralOperand(v, column)))
                .Aggregate((a, b) => new LogicalNode(LogicalOperator.Or, a, b));

        return op switch
        {
            "eq" => Compare(ComparisonOperator.Equal),
            "ne" or "neq" => Compare(ComparisonOperator.NotEqual),
            "gt" => Compare(ComparisonOperator.GreaterThan),
            "ge" => Compare(ComparisonOperator.GreaterOrEqual),
            "lt" => Compare(ComparisonOperator.LessThan),
            "le" => Compare(ComparisonOperator.LessOrEqual),
            "like" => new LikeNode(column, Single()),
            "not-like" => new NotNode(new LikeNode(column, Single())),
            "begins-with" => new LikeNode(column, Single() + "%"),
            "not-begin-with" => new NotNode(new LikeNode(column, Single() + "%")),
            "ends-with" => new LikeNode(column, "%" + Single()),
            "not-end-with" => new NotNode(new LikeNode(column, "%" + Single())),
            "in" => In(),
            "not-in" => new NotNode(In()),
            "null" => new ComparisonNode(ComparisonOperator.Equal, property, new LiteralOperand(null)),
            "not-null" => new ComparisonNode(ComparisonOperator.NotEqual, property, new LiteralOperand(null)),
            _ => throw new FetchXmlException($"The condition operator '{op}' is not supported by the Dataverse emulator.", "0x80048d0b"),
        };
    }

    private static string Required(XElement element, string attribute) =>
        element.Attribute(attribute)?.Value is { Length: > 0 } value
            ? value
            : throw new FetchXmlException($"The <{element.Name.LocalName}> element needs a '{attribute}' attribute.");

    private static int? Number(XElement element, string attribute) => element.Attribute(attribute)?.Value is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FetchXmlException($"The '{attribute}' attribute must be a positive whole number.")
        : null;
}
