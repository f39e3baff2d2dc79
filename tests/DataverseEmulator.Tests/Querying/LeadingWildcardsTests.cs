using DataverseEmulator.FetchXml;
using DataverseEmulator.Filtering;
using DataverseEmulator.Querying;

namespace DataverseEmulator.Tests.Querying;

public class LeadingWildcardsTests
{
    [Theory]
    [InlineData("contains(telephone1,'555')", true)]
    [InlineData("endswith(telephone1,'0101')", true)]
    [InlineData("startswith(telephone1,'%555')", true)]
    [InlineData("startswith(telephone1,'_425')", true)]
    [InlineData("startswith(telephone1,'[(]425')", true)]
    [InlineData("statecode eq 0 and not contains(fullname,'x')", true)]
    [InlineData("statecode eq 0 or endswith(fullname,'x')", true)]
    [InlineData("startswith(telephone1,'(425)')", false)]
    [InlineData("startswith(telephone1,'425%0101')", false)]
    [InlineData("telephone1 eq '%'", false)]
    [InlineData("statecode eq 0", false)]
    public void Any_FindsConditionsThatCannotUseAnIndex(string filter, bool expected) =>
        Assert.Equal(expected, LeadingWildcards.Any(FilterParser.Parse(filter).Root));

    [Theory]
    [InlineData("like", "%0101", true)]
    [InlineData("ends-with", "0101", true)]
    [InlineData("like", "425%", false)]
    [InlineData("begins-with", "425", false)]
    public void Any_FindsFetchXmlLeadingWildcards(string op, string value, bool expected)
    {
        var query = FetchXmlParser.Parse($"<fetch><entity name='contact'><filter><condition attribute='telephone1' operator='{op}' value='{value}' /></filter></entity></fetch>");

        Assert.Equal(expected, LeadingWildcards.Any(query.Filter));
    }

    [Fact]
    public void Any_NoFilter_IsFalse() => Assert.False(LeadingWildcards.Any(null));
}
