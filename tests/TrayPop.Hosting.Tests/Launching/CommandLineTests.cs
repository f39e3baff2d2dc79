using TrayPop.Core.Pop;

using TrayPop.Hosting.Launching;

namespace TrayPop.Hosting.Tests.Launching;

public class CommandLineTests
{
    private static readonly Uri Url = new("https://contoso.crm.dynamics.com/main.aspx?a=1&b=2");

    [Fact]
    public void WithUrl_ReplacesPlaceholderInsideAnArgument()
    {
        var (program, arguments) = CommandLine.WithUrl("msedge --app={url}", Url);

        Assert.Equal("msedge", program);
        Assert.Equal(["--app=https://contoso.crm.dynamics.com/main.aspx?a=1&b=2"], arguments);
    }

    [Fact]
    public void WithUrl_KeepsQuotedProgramPathsTogether()
    {
        var (program, arguments) = CommandLine.WithUrl("\"C:\\Program Files\\Browser\\b.exe\" --new-window {url}", Url);

        Assert.Equal("C:\\Program Files\\Browser\\b.exe", program);
        Assert.Equal(["--new-window", Url.AbsoluteUri], arguments);
    }

    [Fact]
    public void WithUrl_WithoutPlaceholder_AppendsTheUrl()
    {
        var (_, arguments) = CommandLine.WithUrl("firefox -private", Url);

        Assert.Equal(["-private", Url.AbsoluteUri], arguments);
    }

    [Fact]
    public void WithUrl_UrlWithSpacesAndQuotes_StaysOneArgument()
    {
        var tricky = new Uri("https://contoso.crm.dynamics.com/main.aspx?q=a%20b%22c");

        var (_, arguments) = CommandLine.WithUrl("browser {url}", tricky);

        Assert.Single(arguments);
    }
}
