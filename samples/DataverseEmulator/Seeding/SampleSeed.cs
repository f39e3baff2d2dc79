namespace DataverseEmulator.Seeding;

/// <summary>
/// The built-in sample organisation. Numbers are fictitious only: North American 555-01xx, Ofcom's drama
/// ranges (020 7946 0xxx, 07700 900xxx), Germany's 030 23125 xxx and France's 01 99 00 / 06 39 98 ranges.
/// The formats vary on purpose, because stored formats that do not match is what breaks screen pops.
/// </summary>
internal static class SampleSeed
{
    public const string JaneDoeId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";

    /// <summary>The sample organisation's one model-driven app, for <c>TrayPop:Dataverse:AppId</c>.</summary>
    public const string CustomerServiceAppId = "c5a1e0d2-0000-4000-8000-0000000a0001";

    public const string Json = """
    {
      "contacts": [
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01", "fullname": "Jane Doe", "firstname": "Jane", "lastname": "Doe",
          "telephone1": "(425) 555-0101", "mobilephone": "+1 425 555 0199", "emailaddress1": "jane.doe@example.com", "statecode": 0,
          "_parentcustomerid_value": "a1b2c3d4-0000-4000-8000-00000000a001" },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e02", "fullname": "Oliver Bennett", "firstname": "Oliver", "lastname": "Bennett",
          "telephone1": "+44 (0)20 7946 0958", "mobilephone": "+44 7700 900123", "emailaddress1": "oliver.bennett@example.co.uk", "statecode": 0 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e03", "fullname": "Amelia Clarke", "firstname": "Amelia", "lastname": "Clarke",
          "telephone1": "020 7946 0018", "telephone2": "0117 496 0123", "mobilephone": "07700 900456", "statecode": 0 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e04", "fullname": "Lukas Weber", "firstname": "Lukas", "lastname": "Weber",
          "telephone1": "+49 30 23125 456", "telephone2": "030 23125 457", "statecode": 0 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e05", "fullname": "Camille Martin", "firstname": "Camille", "lastname": "Martin",
          "telephone1": "+33 1 99 00 12 34", "mobilephone": "06 39 98 12 34", "statecode": 0 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e06", "fullname": "Robert Johnson", "firstname": "Robert", "lastname": "Johnson",
          "telephone1": "425.555.0106", "statecode": 0 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e07", "fullname": "Maria Garcia", "firstname": "Maria", "lastname": "Garcia",
          "telephone1": "1-425-555-0107 x221", "mobilephone": "425-555-0117", "statecode": 0 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e08", "fullname": "Priya Patel", "firstname": "Priya", "lastname": "Patel",
          "telephone1": "1-800-FLOWERS", "statecode": 0 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e09", "fullname": "Wei Chen", "firstname": "Wei", "lastname": "Chen",
          "telephone1": "(425) 555-0109", "statecode": 1, "statuscode": 2 },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e0a", "fullname": "Tom Baker", "firstname": "Tom", "lastname": "Baker",
          "telephone1": "(206) 555-0100", "mobilephone": "(206) 555-0110", "statecode": 0,
          "_parentcustomerid_value": "a1b2c3d4-0000-4000-8000-00000000a002" },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e0b", "fullname": "Sarah Lee", "firstname": "Sarah", "lastname": "Lee",
          "telephone1": "(206) 555-0100", "mobilephone": "+1 206 555 0111", "statecode": 0,
          "_parentcustomerid_value": "a1b2c3d4-0000-4000-8000-00000000a002" },
        { "contactid": "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e0c", "fullname": "Ahmed Khan", "firstname": "Ahmed", "lastname": "Khan",
          "telephone1": "+14255550112", "telephone2": "425 555 0122", "mobilephone": "+1 (425) 555-0113", "statecode": 0 }
      ],
      "accounts": [
        { "accountid": "a1b2c3d4-0000-4000-8000-00000000a001", "name": "Contoso Ltd", "telephone1": "+1 425 555 0100", "statecode": 0 },
        { "accountid": "a1b2c3d4-0000-4000-8000-00000000a002", "name": "Fabrikam Inc", "telephone1": "(206) 555-0100", "telephone2": "206-555-0190", "statecode": 0 },
        { "accountid": "a1b2c3d4-0000-4000-8000-00000000a003", "name": "Northwind Traders", "telephone1": "+44 20 7946 0500", "statecode": 0 }
      ],
      "leads": [
        { "leadid": "b1b2c3d4-0000-4000-8000-00000000b001", "fullname": "Kim Abercrombie", "firstname": "Kim", "lastname": "Abercrombie",
          "companyname": "Adventure Works", "telephone1": "(425) 555-0150", "mobilephone": "425 555 0151", "statecode": 0 },
        { "leadid": "b1b2c3d4-0000-4000-8000-00000000b002", "fullname": "Diego Ramirez", "firstname": "Diego", "lastname": "Ramirez",
          "companyname": "Wide World Importers", "telephone1": "+1 (312) 555-0175", "statecode": 0 }
      ],
      "appmodules": [
        { "appmoduleid": "c5a1e0d2-0000-4000-8000-0000000a0001", "uniquename": "TrayPopCustomerService", "name": "Customer Service",
          "clienttype": 4, "statecode": 0 }
      ]
    }
    """;
}
