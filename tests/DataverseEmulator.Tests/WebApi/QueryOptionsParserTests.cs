using DataverseEmulator.Store;
using DataverseEmulator.WebApi;

namespace DataverseEmulator.Tests.WebApi;

public class QueryOptionsParserTests
{
    private static readonly EntityDefinition Contact = EntityCatalog.FindBySet("contacts")!;

    [Fact]
    public void Parse_AllOptions()
    {
        var (options, error) = QueryOptionsParser.Parse(new Dictionary<string, string>
        {
            ["$select"] = "fullname, telephone1",
            ["$filter"] = "telephone1 eq @p",
            ["@p"] = "'x'",
            ["$orderby"] = "fullname desc,telephone1",
            ["$top"] = "5",
            ["$count"] = "true",
            ["$skiptoken"] = "<cookie pagenumber=\"3\" />",
        }, Contact);

        Assert.Null(error);
        Assert.Equal(["fullname", "telephone1"], options!.Select);
        Assert.NotNull(options.Filter);
        Assert.Equal([new OrderByClause("fullname", true), new OrderByClause("telephone1", false)], options.OrderBy);
        Assert.Equal((5, true, 3), (options.Top, options.Count, options.PageNumber));
    }

    [Fact]
    public void Parse_UnknownColumnInOrderBy_IsAnError()
    {
        var (options, error) = QueryOptionsParser.Parse(new Dictionary<string, string> { ["$orderby"] = "homephone" }, Contact);

        Assert.Null(options);
        Assert.Equal(400, error!.StatusCode);
        Assert.Contains("homephone", error.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonOptionParameters_AreIgnored()
    {
        var (options, error) = QueryOptionsParser.Parse(new Dictionary<string, string> { ["foo"] = "bar" }, Contact);

        Assert.Null(error);
        Assert.Null(options!.Select);
    }
}
