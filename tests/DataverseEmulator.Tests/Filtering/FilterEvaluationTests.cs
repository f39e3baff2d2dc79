using System.Text.Json.Nodes;
using DataverseEmulator.Filtering;

namespace DataverseEmulator.Tests.Filtering;

public class FilterEvaluationTests
{
    private static readonly JsonObject Jane = (JsonObject)JsonNode.Parse("""
        {"contactid":"8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01","fullname":"Jane Doe","lastname":"O'Bryan",
         "telephone1":"(425) 555-0101","mobilephone":"+1 425 555 0199","telephone2":null,"statecode":0,
         "donotphone":false,"discount":12.5,"note":"100% sure"}
        """)!;

    [Theory]
    [InlineData("fullname eq 'Jane Doe'", true)]
    [InlineData("fullname eq 'JANE DOE'", true)]
    [InlineData("fullname eq 'Jane'", false)]
    [InlineData("fullname ne 'Jane'", true)]
    [InlineData("lastname eq 'O''Bryan'", true)]
    [InlineData("statecode eq 0", true)]
    [InlineData("statecode eq 1", false)]
    [InlineData("statecode ne 1", true)]
    [InlineData("discount gt 12", true)]
    [InlineData("discount ge 12.5", true)]
    [InlineData("discount lt 12.5", false)]
    [InlineData("discount le 12.5", true)]
    [InlineData("fullname gt 'Jane'", true)]
    [InlineData("fullname lt 'jane e'", true)]
    [InlineData("donotphone eq false", true)]
    [InlineData("donotphone eq true", false)]
    [InlineData("contactid eq 8D6E3B1C-4F2A-4C1E-9B7D-1A2B3C4D5E01", true)]
    [InlineData("contactid eq '8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01'", true)]
    public void Evaluate_Comparisons(string filter, bool expected) => Assert.Equal(expected, Evaluate(filter));

    [Theory]
    [InlineData("telephone2 eq null", true)]
    [InlineData("fax eq null", true)]
    [InlineData("telephone1 eq null", false)]
    [InlineData("telephone1 ne null", true)]
    [InlineData("telephone2 ne null", false)]
    [InlineData("telephone2 gt 'a'", false)]
    [InlineData("telephone2 lt 'a'", false)]
    [InlineData("telephone2 eq 'x'", false)]
    [InlineData("telephone2 ne 'x'", true)]
    public void Evaluate_Null_FollowsODataRules(string filter, bool expected) => Assert.Equal(expected, Evaluate(filter));

    [Theory]
    [InlineData("fullname eq 'Jane Doe' and statecode eq 0", true)]
    [InlineData("fullname eq 'Jane Doe' and statecode eq 1", false)]
    [InlineData("fullname eq 'x' or statecode eq 0", true)]
    [InlineData("fullname eq 'x' or statecode eq 1", false)]
    [InlineData("not fullname eq 'x'", true)]
    [InlineData("not (fullname eq 'Jane Doe')", false)]
    [InlineData("not not statecode eq 0", true)]
    [InlineData("fullname eq 'x' or fullname eq 'Jane Doe' and statecode eq 0", true)]
    [InlineData("(fullname eq 'x' or fullname eq 'Jane Doe') and statecode eq 1", false)]
    [InlineData("fullname eq 'Jane Doe' or fullname eq 'x' and statecode eq 1", true)]
    public void Evaluate_LogicalOperators_AndPrecedence(string filter, bool expected) => Assert.Equal(expected, Evaluate(filter));

    [Theory]
    [InlineData("contains(fullname,'ane')", true)]
    [InlineData("contains(fullname,'ANE D')", true)]
    [InlineData("contains(fullname,'xyz')", false)]
    [InlineData("startswith(fullname,'jane')", true)]
    [InlineData("startswith(fullname,'Doe')", false)]
    [InlineData("endswith(fullname,'doe')", true)]
    [InlineData("endswith(fullname,'Jane')", false)]
    [InlineData("endswith(telephone1,'0101')", true)]
    [InlineData("contains(telephone2,'5')", false)]
    [InlineData("not contains(fullname,'xyz')", true)]
    public void Evaluate_StringFunctions(string filter, bool expected) => Assert.Equal(expected, Evaluate(filter));

    [Theory]
    [InlineData("contains(telephone1,'4%2%5%5%5%5%0%1%0%1')", true)]
    [InlineData("contains(mobilephone,'4%2%5%5%5%5%0%1%9%9')", true)]
    [InlineData("contains(telephone1,'4%2%5%5%5%5%0%1%9%9')", false)]
    [InlineData("startswith(telephone1,'([0-9][0-9][0-9])')", true)]
    [InlineData("startswith(telephone1,'[^(]')", false)]
    [InlineData("endswith(telephone1,'010_')", true)]
    [InlineData("contains(note,'100[%]')", true)]
    [InlineData("contains(fullname,'[%]')", false)]
    [InlineData("contains(fullname,'J_ne')", true)]
    [InlineData("startswith(fullname,'[a-k]ane')", true)]
    public void Evaluate_WildcardsInsideFunctions_FollowSqlLike(string filter, bool expected) => Assert.Equal(expected, Evaluate(filter));

    [Fact]
    public void Evaluate_PlusOneFormat_MatchesTheSameDigitPattern()
    {
        var other = (JsonObject)JsonNode.Parse("""{"telephone1":"+1 425 555 0101"}""")!;

        Assert.True(FilterParser.Parse("contains(telephone1,'4%2%5%5%5%5%0%1%0%1')").Root.Evaluate(other));
    }

    [Theory]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='telephone1',PropertyValues=[\"x\",\"(425) 555-0101\"])", true)]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='telephone1',PropertyValues=[\"x\",\"y\"])", false)]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='statecode',PropertyValues=[0,1])", true)]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='statecode',PropertyValues=[\"0\",\"1\"])", true)]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='statecode',PropertyValues=[\"1\",\"2\"])", false)]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='donotphone',PropertyValues=[\"false\"])", true)]
    [InlineData("Microsoft.Dynamics.CRM.NotIn(PropertyName='statecode',PropertyValues=[1])", true)]
    [InlineData("Microsoft.Dynamics.CRM.In(PropertyName='fullname',PropertyValues=['jane doe'])", true)]
    public void Evaluate_In(string filter, bool expected) => Assert.Equal(expected, Evaluate(filter));

    [Fact]
    public void Evaluate_InWithAliases_MatchesAnyValue()
    {
        var aliases = new Dictionary<string, string> { ["@p1"] = "'mobilephone'", ["@p2"] = "[\"+1 425 555 0199\",\"other\"]" };

        Assert.True(FilterParser.Parse("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)", aliases).Root.Evaluate(Jane));
    }

    [Fact]
    public void Evaluate_TypeMismatch_IsFalseNotAnError() => Assert.False(Evaluate("statecode eq '0'"));

    private static bool Evaluate(string filter) => FilterParser.Parse(filter).Root.Evaluate(Jane);
}
