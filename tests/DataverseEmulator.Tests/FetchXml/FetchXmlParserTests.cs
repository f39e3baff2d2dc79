using System.Text.Json.Nodes;
using DataverseEmulator.FetchXml;

namespace DataverseEmulator.Tests.FetchXml;

public class FetchXmlParserTests
{
    private static readonly JsonObject Jane = (JsonObject)JsonNode.Parse(
        """{"fullname":"Jane Doe","telephone1":"(425) 555-0101","mobilephone":"+1 425 555 0199","statecode":0,"fax":null}""")!;

    [Fact]
    public void Parse_ReadsEntityAttributesOrderAndPaging()
    {
        var query = FetchXmlParser.Parse("""
            <fetch top="50" count="10" page="2">
              <entity name="contact">
                <attribute name="fullname" /><attribute name="telephone1" />
                <order attribute="fullname" descending="true" />
              </entity>
            </fetch>
            """);

        Assert.Equal("contact", query.EntityName);
        Assert.Equal(["fullname", "telephone1"], query.Attributes);
        Assert.True(Assert.Single(query.Orders).Descending);
        Assert.Equal((50, 10, 2), (query.Top, query.Count, query.Page));
        Assert.Null(query.Filter);
    }

    [Fact]
    public void Parse_AllAttributes_MeansEveryColumn() =>
        Assert.Null(FetchXmlParser.Parse("<fetch><entity name='contact'><all-attributes /></entity></fetch>").Attributes);

    [Theory]
    [InlineData("<condition attribute='telephone1' operator='like' value='%4%2%5%5%5%5%0%1%0%1%' />", true)]
    [InlineData("<condition attribute='telephone1' operator='like' value='%9999%' />", false)]
    [InlineData("<condition attribute='telephone1' operator='not-like' value='%9999%' />", true)]
    [InlineData("<condition attribute='fullname' operator='begins-with' value='jane' />", true)]
    [InlineData("<condition attribute='fullname' operator='ends-with' value='DOE' />", true)]
    [InlineData("<condition attribute='fullname' operator='eq' value='jane doe' />", true)]
    [InlineData("<condition attribute='fullname' operator='ne' value='jane doe' />", false)]
    [InlineData("<condition attribute='statecode' operator='eq' value='0' />", true)]
    [InlineData("<condition attribute='statecode' operator='gt' value='0' />", false)]
    [InlineData("<condition attribute='fax' operator='null' />", true)]
    [InlineData("<condition attribute='telephone1' operator='not-null' />", true)]
    [InlineData("<condition attribute='telephone1' operator='in'><value>x</value><value>(425) 555-0101</value></condition>", true)]
    [InlineData("<condition attribute='telephone1' operator='not-in'><value>(425) 555-0101</value></condition>", false)]
    public void Parse_Conditions_EvaluateLikeDataverse(string condition, bool expected)
    {
        var query = FetchXmlParser.Parse($"<fetch><entity name='contact'><filter>{condition}</filter></entity></fetch>");

        Assert.Equal(expected, query.Filter!.Evaluate(Jane));
    }

    [Fact]
    public void Parse_NestedOrInsideAnd()
    {
        var query = FetchXmlParser.Parse("""
            <fetch><entity name="contact">
              <filter type="and">
                <condition attribute="statecode" operator="eq" value="0" />
                <filter type="or">
                  <condition attribute="telephone1" operator="like" value="%0199%" />
                  <condition attribute="mobilephone" operator="like" value="%0199%" />
                </filter>
              </filter>
            </entity></fetch>
            """);

        Assert.True(query.Filter!.Evaluate(Jane));
        Assert.Equal(["statecode", "telephone1", "mobilephone"], query.ReferencedColumns);
    }

    [Theory]
    [InlineData("<fetch><entity name='contact'")]
    [InlineData("<query />")]
    [InlineData("<fetch><entity /></fetch>")]
    [InlineData("<fetch><entity name='contact'><filter><condition attribute='a' operator='eq' /></filter></entity></fetch>")]
    [InlineData("<fetch><entity name='contact'><filter><condition attribute='a' operator='under' value='1' /></filter></entity></fetch>")]
    [InlineData("<fetch><entity name='contact'><link-entity name='account' from='accountid' to='parentcustomerid' /></entity></fetch>")]
    [InlineData("<fetch top='-1'><entity name='contact' /></fetch>")]
    [InlineData("<fetch><entity name='contact'><filter /></entity></fetch>")]
    public void Parse_Invalid_Throws(string xml) => Assert.Throws<FetchXmlException>(() => FetchXmlParser.Parse(xml));
}
