using DataverseEmulator;

namespace TrayPop.Testing;

/// <summary>The records the end-to-end tests run against, stored in the formats people really type.</summary>
internal static class TestSeed
{
    public const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    public const string SwitchboardA = "2a0f6c1e-0000-4000-8000-000000000001";
    public const string SwitchboardB = "2a0f6c1e-0000-4000-8000-000000000002";
    public const string AccountId = "3b1f7d2f-0000-4000-8000-000000000010";
    public const string LeadId = "4c2a8e3a-0000-4000-8000-000000000020";
    public const string AppId = "7d3e9f4b-0000-4000-8000-0000000000a1";

    public static EmulatorSeed Create() => EmulatorSeed.Parse($$"""
        {
          "contacts": [
            {"contactid":"{{JaneId}}","fullname":"Jane Doe","telephone1":"(425) 555-0101","mobilephone":"+1 425 555 0199","statecode":0},
            {"contactid":"{{SwitchboardA}}","fullname":"Ann Switch","telephone1":"+1.206.555.0100","statecode":0},
            {"contactid":"{{SwitchboardB}}","fullname":"Bob Switch","telephone2":"206-555-0100 x221","statecode":0},
            {"contactid":"5d3b9f4b-0000-4000-8000-000000000030","fullname":"Gone Away","telephone1":"(425) 555-0177","statecode":1},
            {"contactid":"6e4c0a5c-0000-4000-8000-000000000040","fullname":"Other Area","telephone1":"(206) 555-0101","statecode":0}
          ],
          "accounts": [
            {"accountid":"{{AccountId}}","name":"Fabrikam Ltd","telephone1":"+44 (0)20 7946 0958","statecode":0}
          ],
          "leads": [
            {"leadid":"{{LeadId}}","fullname":"Lee Lead","mobilephone":"+44 113 496 0123","statecode":0}
          ],
          "appmodules": [
            {"appmoduleid":"{{AppId}}","uniquename":"TrayPopAgents","name":"Agents"}
          ]
        }
        """);
}
