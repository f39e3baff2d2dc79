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

    [Fact]
    public void Parse_ScaleOptions()
    {
        var options = CommandLineOptions.Parse(["--scan-limit", "1000", "--key-index-seconds=0", "--generated-seed", "50000", "--generator-seed", "9", "--expected-callers", "20"]);

        Assert.Equal(1000, options.ScanLimit);
        Assert.Equal(TimeSpan.Zero, options.KeyIndexDelay);
        Assert.Equal(50000, options.GeneratedContacts);
        Assert.Equal(9, options.GeneratorSeed);
        Assert.Equal(20, options.ExpectedCallers);
    }

    [Fact]
    public void Parse_Defaults_ScanLimit50000_KeysActiveAfterTwoSecondsEach()
    {
        var options = CommandLineOptions.Parse([]);

        Assert.Equal(50_000, options.ScanLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), options.KeyIndexDelay);
        Assert.Null(options.GeneratedContacts);
    }

    [Fact]
    public void Parse_GenerateSeed_WithOut()
    {
        var options = CommandLineOptions.Parse(["--generate-seed", "1000", "--out", "seed.json", "--callers-out", "c.json"]);

        Assert.Equal((1000, "seed.json", "c.json"), (options.GenerateContacts, options.OutPath, options.CallersOutPath));
    }

    [Fact]
    public void Usage_NamesTheNewOptions() =>
        Assert.All(["--scan-limit", "--generate-seed", "--generated-seed", "--key-index-seconds", "--out"], o => Assert.Contains(o, CommandLineOptions.Usage, StringComparison.Ordinal));

    [Theory]
    [InlineData("--nope")]
    [InlineData("--seed")]
    [InlineData("--client", "no-secret")]
    [InlineData("--scan-limit", "many")]
    [InlineData("--scan-limit", "-1")]
    [InlineData("--generate-seed", "10")]
    [InlineData("--seed", "a.json", "--generated-seed", "10")]
    public void Parse_Invalid_Throws(params string[] args) =>
        Assert.Throws<ArgumentException>(() => CommandLineOptions.Parse(args));
}
