using DataverseEmulator.Store;

namespace DataverseEmulator.Tests.Store;

public class EntityCatalogTests
{
    [Theory]
    [InlineData("contacts", "contact", "contactid", "fullname")]
    [InlineData("accounts", "account", "accountid", "name")]
    [InlineData("leads", "lead", "leadid", "fullname")]
    [InlineData("phonecalls", "phonecall", "activityid", "subject")]
    public void KnownSets_HaveDataverseKeysAndNames(string set, string logical, string key, string name)
    {
        var entity = EntityCatalog.FindBySet(set)!;

        Assert.Equal((logical, key, name), (entity.LogicalName, entity.KeyColumn, entity.PrimaryNameColumn));
    }

    [Fact]
    public void Contact_HasEveryDocumentedPhoneColumn_AndNoHomephone()
    {
        var contact = EntityCatalog.FindBySet("contacts")!;

        Assert.Equal(
            ["telephone1", "telephone2", "telephone3", "mobilephone", "business2", "home2", "callback", "assistantphone", "managerphone", "pager", "fax"],
            contact.PhoneColumns);
        Assert.DoesNotContain("homephone", contact.Columns);
    }

    [Theory]
    [InlineData("incidents", "incident", "incidentid")]
    [InlineData("opportunities", "opportunity", "opportunityid")]
    public void SeedOnlySets_FollowDataverseNaming(string set, string logical, string key)
    {
        var entity = EntityCatalog.ForSeedSet(set, ["title"]);

        Assert.Equal((logical, key), (entity.LogicalName, entity.KeyColumn));
        Assert.Contains("title", entity.Columns);
        Assert.Contains("statecode", entity.Columns);
    }

    [Fact]
    public void KnownSet_WithExtraSeedColumns_AcceptsThem() =>
        Assert.Contains("new_extension", EntityCatalog.ForSeedSet("contacts", ["new_extension"]).Columns);
}
