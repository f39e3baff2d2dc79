using System.Xml.Linq;
using DataverseEmulator.Store;

namespace DataverseEmulator.WebApi;

/// <summary>A small CSDL document naming the emulated tables and columns, enough for tools that read $metadata.</summary>
internal static class MetadataDocument
{
    private static readonly XNamespace Edmx = "http://docs.oasis-open.org/odata/ns/edmx";
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    public static ApiResponse Build(EntityStore store)
    {
        var schema = new XElement(Edm + "Schema", new XAttribute("Namespace", "Microsoft.Dynamics.CRM"), new XAttribute("Alias", "mscrm"));
        var container = new XElement(Edm + "EntityContainer", new XAttribute("Name", "System"));
        foreach (var table in store.Tables)
        {
            var entity = table.Definition;
            schema.Add(new XElement(
                Edm + "EntityType",
                new XAttribute("Name", entity.LogicalName),
                new XElement(Edm + "Key", new XElement(Edm + "PropertyRef", new XAttribute("Name", entity.KeyColumn))),
                entity.Columns.Select(c => new XElement(Edm + "Property", new XAttribute("Name", c), new XAttribute("Type", TypeOf(entity, c))))));
            container.Add(new XElement(Edm + "EntitySet", new XAttribute("Name", entity.SetName), new XAttribute("EntityType", "Microsoft.Dynamics.CRM." + entity.LogicalName)));
        }

        schema.Add(container);
        var document = new XElement(Edmx + "Edmx", new XAttribute("Version", "4.0"), new XAttribute(XNamespace.Xmlns + "edmx", Edmx), new XElement(Edmx + "DataServices", schema));
        return ApiResponse.Text(200, document.ToString(SaveOptions.DisableFormatting)).WithHeader("Content-Type", "application/xml");
    }

    public static string TypeOf(EntityDefinition entity, string column) => column switch
    {
        _ when column == entity.KeyColumn || (column.StartsWith('_') && column.EndsWith("_value", StringComparison.Ordinal)) => "Edm.Guid",
        "statecode" or "statuscode" or "participationtypemask" or "actualdurationminutes" => "Edm.Int32",
        "versionnumber" => "Edm.Int64",
        "createdon" or "modifiedon" or "scheduledstart" or "scheduledend" or "actualstart" or "actualend" => "Edm.DateTimeOffset",
        "directioncode" => "Edm.Boolean",
        _ => "Edm.String",
    };
}
