using DataverseEmulator.Hosting;

namespace DataverseEmulator.Tests.Hosting;

public class CommandLineOptionsTests
{
    [Fact]
    public void Parse_NoArguments_UsesDefaults()
    {
        var options = CommandLineOptions.Parse([]);

        Assert.Equal(CommandLineOptions.DefaultUrl, options.Url);
        Assert.Null(options.SeedPath);
        Assert.False(options.RequireToken);
    }

    [Fact]
    public void Parse_AllOptions_SeparateAndInlineValues()
    {
        var options = CommandLineOptions.Parse(["--urls", "http://127.0.0.1:6000;http://[::1]:6000", "--seed=seed.json", "--org", "Contoso",
            "--require-token", "--token", "abc", "--client", "app=s=1", "--verbose"]);

        Assert.Equal("http://127.0.0.1:6000", options.Url);
        Assert.Equal("seed.json", options.SeedPath);
        Assert.Equal("Contoso", options.OrganizationName);
        Assert.True(options.RequireToken);
        Assert.Equal(["abc"], options.Tokens);
        Assert.Equal(("app", "s=1"), Assert.Single(options.Clients));
        Assert.True(options.Verbose);
    }

    [Theory]
    [InlineData("--nope")]
    [InlineData("--seed")]
    [InlineData("--client", "no-secret")]
    public void Parse_Invalid_Throws(params string[] args) =>
        Assert.Throws<ArgumentException>(() => CommandLineOptions.Parse(args));
}
