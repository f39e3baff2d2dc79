namespace TrayPop.Core.Lookup;

/// <summary>One table searched for the caller's number, in the order configured under <c>TrayPop:Lookup:Entities</c>.</summary>
internal sealed class EntitySearch
{
    /// <summary>Logical name, e.g. <c>contact</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Web API entity set, e.g. <c>contacts</c>; defaults to the name plus "s".</summary>
    public string? SetName { get; set; }

    /// <summary>Primary key column; defaults to the name plus "id".</summary>
    public string? IdColumn { get; set; }

    /// <summary>Column shown as the record's name.</summary>
    public string NameColumn { get; set; } = "fullname";

    /// <summary>Phone columns searched.</summary>
    public List<string> PhoneColumns { get; set; } = [];

    internal string EntitySet => string.IsNullOrEmpty(SetName) ? Name + "s" : SetName;

    internal string KeyColumn => string.IsNullOrEmpty(IdColumn) ? Name + "id" : IdColumn;
}
