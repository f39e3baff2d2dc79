using TrayPop.Core.Calls;
using TrayPop.Core.Pop;
using TrayPop.Testing;

namespace TrayPop.Core.Tests.Pop;

public class PopOptionsValidatorTests
{
    private readonly PopOptionsValidator _validator = new(new CrmUrlPolicy(TestOptions.Site()));

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new PopOptions()).Succeeded);
    }

    [Theory]
    [InlineData("https://evil.example/?id={id}")]
    [InlineData("https://{number}.contoso.crm.dynamics.com/")]
    [InlineData("javascript:alert('{number}')")]
    [InlineData("/main.aspx?id={id}")]
    [InlineData("")]
    public void Validate_TemplateOffTheCrm_FailsNamingTheKey(string template)
    {
        var options = new PopOptions();
        options.Rules.Outbound = new CallRule { Action = PopAction.Url, UrlTemplate = template };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("TrayPop:Pop:Rules:Outbound:UrlTemplate", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TemplateOnTheCrm_Succeeds()
    {
        var options = new PopOptions();
        options.Rules.Inbound = new CallRule { Action = PopAction.Url, UrlTemplate = TestOptions.Crm + "/main.aspx?pagetype=search&searchText={number}" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_WhenIsEnd_FailsNamingTheKey()
    {
        var options = new PopOptions();
        options.Rules.Inbound.When = CallPhase.End;

        Assert.Contains("TrayPop:Pop:Rules:Inbound:When", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }
}
