using DataverseEmulator.WebApi;

namespace DataverseEmulator.Tests.WebApi;

public class ResourcePathTests
{
    private const string Id = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";

    [Theory]
    [InlineData("contacts", "contacts", null, null)]
    [InlineData("contacts(" + Id + ")", "contacts", Id, null)]
    [InlineData("contacts/$count", "contacts", null, "/$count")]
    [InlineData("WhoAmI()", "WhoAmI", "", null)]
    [InlineData("$metadata", "$metadata", null, null)]
    public void Parse_SplitsSegmentKeyAndRest(string path, string segment, string? key, string? rest)
    {
        var parsed = ResourcePath.Parse(path)!;

        Assert.Equal((segment, key, rest), (parsed.Segment, parsed.Key, parsed.Rest));
    }

    [Theory]
    [InlineData(Id)]
    [InlineData("{" + Id + "}")]
    [InlineData("contactid=" + Id)]
    public void KeyAsId_AcceptsBareBracedAndNamedKeys(string key) =>
        Assert.Equal(Guid.Parse(Id), ResourcePath.Parse($"contacts({key})")!.KeyAsId("contactid"));

    [Theory]
    [InlineData("contacts(nope)")]
    [InlineData("contacts(accountid=" + Id + ")")]
    public void KeyAsId_Invalid_IsNull(string path) => Assert.Null(ResourcePath.Parse(path)!.KeyAsId("contactid"));

    [Fact]
    public void Parse_Garbage_IsNull() => Assert.Null(ResourcePath.Parse("(("));
}
