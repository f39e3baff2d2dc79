using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using TrayPop.Intake.Http;

namespace TrayPop.Intake.Tests.Http;

/// <summary>Queries and form bodies read exactly as ASP.NET Core read them, checked against ASP.NET Core itself.</summary>
public class UrlEncodedValuesTests
{
    private static readonly string[] Names = ["number", "type", "phase", "callId", "token", "name", ""];

    [Theory]
    [InlineData("?number=%2B1+425+555+0101&type=inbound", "number", "+1 425 555 0101")]
    [InlineData("?NUMBER=1&number=2", "number", "1")]
    [InlineData("?number", "number", "")]
    [InlineData("?&&number=%zz%FF&", "number", "%zz%FF")]
    [InlineData("?a=1&b=2", "number", null)]
    public void Query_ReadsAsAspNetCoreDid(string query, string name, string? expected)
    {
        Assert.Equal(expected, UrlEncodedValues.Parse(query)[name]);
        Assert.Equal(expected, AspNetQuery(query, name));
    }

    [Fact]
    public void Query_OnGeneratedInput_AgreesWithAspNetCore()
    {
        var random = new Random(4_747);
        for (var i = 0; i < 20_000; i++)
        {
            var query = "?" + Generate(random);
            var ours = UrlEncodedValues.Parse(query);
            foreach (var name in Names)
            {
                Assert.True(AspNetQuery(query, name) == ours[name], $"'{name}' in {query}: ASP.NET Core '{AspNetQuery(query, name)}', ours '{ours[name]}'");
            }
        }
    }

    [Fact]
    public async Task Form_OnGeneratedInput_AgreesWithAspNetCore()
    {
        var random = new Random(7_474);
        for (var i = 0; i < 5_000; i++)
        {
            var body = Generate(random);
            var theirs = await new FormPipeReader(PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(body)))).ReadFormAsync();
            var ours = UrlEncodedValues.ParseForm(body);
            foreach (var name in Names)
            {
                var expected = theirs.TryGetValue(name, out var values) ? values[0] : null;
                Assert.True(expected == ours[name], $"'{name}' in {body}: ASP.NET Core '{expected}', ours '{ours[name]}'");
            }
        }
    }

    private static string? AspNetQuery(string query, string name)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request.Query.TryGetValue(name, out var values) ? values[0] : null;
    }

    private static string Generate(Random random)
    {
        string[] pieces = ["number", "NUMBER", "callId", "type", "token", "=", "=", "&", "&", "+", "%2B", "%20", "%2", "%zz", "%e2%82%ac", "%FF", "%C3", "é", " ", "1", "42", "?", "%26", "%3D", ";"];
        var text = new StringBuilder();
        for (var n = random.Next(0, 14); n > 0; n--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }
}
