using TrayPop.Core.Journal;
using TrayPop.Core.Lookup;
using TrayPop.Dataverse.Journal;

namespace TrayPop.Dataverse.Tests.Journal;

public class PhonecallWriterTests
{
    private static readonly Guid RecordId = new("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01");

    private static PhonecallActivity Activity(CrmRecord? regarding) => new(
        Guid.NewGuid(), "Incoming call", "+14255550101", false,
        new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 9, 3, 0, TimeSpan.Zero), 3, regarding, null);

    // phonecall's own single-valued navigation properties (relationships Contact_Phonecalls, Account_Phonecalls, Lead_Phonecalls).
    [Theory]
    [InlineData("contact", "regardingobjectid_contact_phonecall@odata.bind", "/contacts(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01)")]
    [InlineData("account", "regardingobjectid_account_phonecall@odata.bind", "/accounts(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01)")]
    [InlineData("lead", "regardingobjectid_lead_phonecall@odata.bind", "/leads(8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01)")]
    public void Body_RegardsThePoppedRecord_ThroughPhonecallsOwnNavigationProperty(string entity, string property, string bind)
    {
        var body = PhonecallWriter.Body(Activity(new CrmRecord(entity, RecordId, "Jane Doe")));

        Assert.Equal(bind, body[property]!.ToString());
        Assert.Single(body, p => p.Key.EndsWith("@odata.bind", StringComparison.Ordinal));
    }

    [Fact]
    public void Body_ForAnUnknownCaller_BindsNothing()
    {
        var body = PhonecallWriter.Body(Activity(null));

        Assert.DoesNotContain(body, p => p.Key.Contains("@odata.bind", StringComparison.Ordinal));
        Assert.Equal(3, body["actualdurationminutes"]!.GetValue<int>());
        Assert.Equal("2026-11-25T09:03:00Z", body["actualend"]!.ToString());
    }
}
