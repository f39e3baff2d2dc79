using DataverseEmulator.FetchXml;
using DataverseEmulator.Filtering;
using DataverseEmulator.Querying;

namespace DataverseEmulator.Tests.Querying;

public class QueryPlannerTests
{
    private static readonly HashSet<string> Indexed = ["contactid", "tp_key"];

    [Theory]
    [InlineData("contactid eq 8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01", "contactid", "Equal", "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01")]
    [InlineData("tp_key eq '14255550101|contact|x'", "tp_key", "Equal", "14255550101|contact|x")]
    [InlineData("'14255550101|contact|x' eq tp_key", "tp_key", "Equal", "14255550101|contact|x")]
    [InlineData("startswith(tp_key,'14255550101|')", "tp_key", "Prefix", "14255550101|")]
    [InlineData("startswith(tp_key,'1425%0101')", "tp_key", "Prefix", "1425")]
    [InlineData("startswith(tp_key,'1425_')", "tp_key", "Prefix", "1425")]
    public void Plan_KeyConditionWithLiteralPrefix_Seeks(string filter, string column, string kind, string value)
    {
        var plan = Plan(filter);

        Assert.Equal(new IndexSeek(column, Enum.Parse<SeekKind>(kind), value), Assert.Single(plan.Seeks!));
    }

    [Theory]
    [InlineData("contains(tp_key,'14255550101')")]
    [InlineData("endswith(tp_key,'|contact')")]
    [InlineData("startswith(tp_key,'%4255550101')")]
    [InlineData("startswith(tp_key,'_4255550101')")]
    [InlineData("startswith(tp_key,'[1]4255550101')")]
    [InlineData("startswith(tp_key,'')")]
    [InlineData("telephone1 eq '(425) 555-0101'")]
    [InlineData("startswith(telephone1,'(425)')")]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='telephone1',PropertyValues=['a','b'])")]
    [InlineData("tp_key ne 'x'")]
    [InlineData("tp_key gt 'x'")]
    [InlineData("not tp_key eq 'x'")]
    [InlineData("statecode eq 0")]
    public void Plan_AnythingElse_Scans(string filter) => Assert.True(Plan(filter).IsScan);

    [Fact]
    public void Plan_NoFilter_Scans() => Assert.True(QueryPlanner.Plan(null, Indexed.Contains).IsScan);

    [Fact]
    public void Plan_InOnKey_SeeksEachValue()
    {
        var plan = Plan("Microsoft.Dynamics.CRM.In(PropertyName='tp_key',PropertyValues=['a','b'])");

        Assert.Equal(["a", "b"], plan.Seeks!.Select(s => s.Value));
    }

    [Fact]
    public void Plan_AndWithOneSeekableSide_SeeksThatSide()
    {
        var plan = Plan("statecode eq 0 and startswith(tp_key,'1425|')");

        Assert.Equal(new IndexSeek("tp_key", SeekKind.Prefix, "1425|"), Assert.Single(plan.Seeks!));
    }

    [Fact]
    public void Plan_OrOfSeekableSides_SeeksEach()
    {
        var plan = Plan("startswith(tp_key,'1425|') or startswith(tp_key,'4420|')");

        Assert.Equal(["1425|", "4420|"], plan.Seeks!.Select(s => s.Value));
    }

    [Fact]
    public void Plan_OrWithAScanningSide_Scans() =>
        Assert.True(Plan("startswith(tp_key,'1425|') or contains(tp_name,'x')").IsScan);

    [Theory]
    [InlineData("<condition attribute='tp_key' operator='begins-with' value='1425|' />", "Prefix")]
    [InlineData("<condition attribute='tp_key' operator='like' value='1425|%' />", "Prefix")]
    [InlineData("<condition attribute='tp_key' operator='eq' value='1425|contact|x' />", "Equal")]
    [InlineData("<condition attribute='tp_key' operator='like' value='1425|contact|x' />", "Equal")]
    public void Plan_FetchXmlConditionsOnKey_Seek(string condition, string kind)
    {
        var query = FetchXmlParser.Parse($"<fetch><entity name='tp_phonekey'><filter>{condition}</filter></entity></fetch>");

        Assert.Equal(Enum.Parse<SeekKind>(kind), Assert.Single(QueryPlanner.Plan(query.Filter, Indexed.Contains).Seeks!).Kind);
    }

    [Fact]
    public void Plan_FetchXmlLikeWithLeadingWildcard_Scans()
    {
        var query = FetchXmlParser.Parse("<fetch><entity name='tp_phonekey'><filter><condition attribute='tp_key' operator='like' value='%0101' /></filter></entity></fetch>");

        Assert.True(QueryPlanner.Plan(query.Filter, Indexed.Contains).IsScan);
    }

    private static AccessPlan Plan(string filter) => QueryPlanner.Plan(FilterParser.Parse(filter).Root, Indexed.Contains);
}
