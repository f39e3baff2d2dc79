namespace TrayPop.Dataverse.Index;

/// <summary>One row of <c>tp_phonekey</c>: a record's number as agents will dial it in.</summary>
internal sealed record PhoneKeyRow(string Digits, string Number, string Entity, Guid RecordId, string Name, string Column)
{
    public string Key => PhoneKeyTable.Key(Digits, Entity, RecordId);
}
