namespace DataverseEmulator.Store;

/// <summary>
/// Column lists for the tables TrayPop reads, taken from the Dataverse table reference, so a query for a
/// column that does not exist there (say "homephone") fails here as it would against a real organisation.
/// </summary>
internal static class EntityCatalog
{
    private static readonly string[] Common = ["statecode", "statuscode", "createdon", "modifiedon", "versionnumber", "_ownerid_value"];

    private static readonly EntityDefinition[] Known =
    [
        new("contact", "contacts", "contactid", "fullname",
            ["telephone1", "telephone2", "telephone3", "mobilephone", "business2", "home2", "callback", "assistantphone", "managerphone", "pager", "fax"],
            ["contactid", "fullname", "firstname", "lastname", "middlename", "jobtitle", "emailaddress1", "emailaddress2", "emailaddress3",
             "telephone1", "telephone2", "telephone3", "mobilephone", "business2", "home2", "callback", "assistantphone", "managerphone", "pager", "fax",
             "address1_telephone1", "address1_telephone2", "address1_telephone3", "address1_city", "address1_country", "description",
             "_parentcustomerid_value", "_accountid_value", .. Common]),
        new("account", "accounts", "accountid", "name",
            ["telephone1", "telephone2", "telephone3", "fax"],
            ["accountid", "name", "accountnumber", "emailaddress1", "websiteurl", "telephone1", "telephone2", "telephone3", "fax",
             "address1_telephone1", "address1_city", "address1_country", "description", "_primarycontactid_value", "_parentaccountid_value", .. Common]),
        new("lead", "leads", "leadid", "fullname",
            ["telephone1", "telephone2", "telephone3", "mobilephone", "pager", "fax"],
            ["leadid", "fullname", "firstname", "lastname", "companyname", "subject", "jobtitle", "emailaddress1",
             "telephone1", "telephone2", "telephone3", "mobilephone", "pager", "fax", "address1_city", "description", .. Common]),
        // Activity and party tables have no change tracking out of the box.
        new("phonecall", "phonecalls", "activityid", "subject",
            ["phonenumber"],
            ["activityid", "subject", "phonenumber", "directioncode", "actualdurationminutes", "description", "scheduledstart", "scheduledend",
             "actualstart", "actualend", "_regardingobjectid_value", "activitytypecode", .. Common]) { ChangeTrackingEnabled = false },
        new("activityparty", "activityparties", "activitypartyid", null,
            [],
            ["activitypartyid", "_activityid_value", "_partyid_value", "participationtypemask", "addressused"]) { ChangeTrackingEnabled = false },
        // Model-driven apps: what TrayPop:Dataverse:AppId must name (check asks appmodules?$filter=appmoduleid eq …).
        new("appmodule", "appmodules", "appmoduleid", "name",
            [],
            ["appmoduleid", "uniquename", "name", "description", "clienttype", "appmoduleversion", "publishedon", .. Common]) { ChangeTrackingEnabled = false },
        new("systemuser", "systemusers", "systemuserid", "fullname",
            ["address1_telephone1", "mobilephone"],
            ["systemuserid", "fullname", "domainname", "internalemailaddress", "address1_telephone1", "mobilephone", "_businessunitid_value", .. Common]),
    ];

    public static EntityDefinition? FindBySet(string setName) =>
        Array.Find(Known, d => d.SetName.Equals(setName, StringComparison.OrdinalIgnoreCase));

    public static EntityDefinition? FindByLogicalName(string logicalName) =>
        Array.Find(Known, d => d.LogicalName.Equals(logicalName, StringComparison.OrdinalIgnoreCase));

    /// <summary>A definition for a set only the seed knows, following Dataverse's naming (entity set = logical name + "s").</summary>
    public static EntityDefinition ForSeedSet(string setName, IEnumerable<string> seedColumns)
    {
        if (FindBySet(setName) is { } known)
        {
            return known with { Columns = [.. known.Columns.Union(seedColumns, StringComparer.Ordinal)] };
        }

        var logical = setName.EndsWith("ies", StringComparison.Ordinal) ? setName[..^3] + "y"
            : setName.EndsWith('s') ? setName[..^1]
            : setName;
        var key = logical + "id";
        var columns = new[] { key }.Union(seedColumns, StringComparer.Ordinal).Union(Common, StringComparer.Ordinal).ToArray();
        var name = columns.Contains("fullname") ? "fullname" : columns.Contains("name") ? "name" : null;
        var phones = columns.Where(c => c.StartsWith("telephone", StringComparison.Ordinal) || c is "mobilephone" or "fax").ToArray();
        return new EntityDefinition(logical, setName, key, name, phones, columns);
    }
}
