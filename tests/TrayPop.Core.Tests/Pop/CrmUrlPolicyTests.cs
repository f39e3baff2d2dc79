using TrayPop.Core.Pop;
using TrayPop.Testing;

namespace TrayPop.Core.Tests.Pop;

public class CrmUrlPolicyTests
{
    private readonly CrmUrlPolicy _policy = new(TestOptions.Site());

    [Theory]
    [InlineData("https://contoso.crm.dynamics.com/main.aspx?id=1")]
    [InlineData("https://CONTOSO.crm.dynamics.com/anything")]
    [InlineData("https://contoso.crm.dynamics.com:443/main.aspx")]
    public void Allows_PagesOfTheConfiguredCrm(string url)
    {
        Assert.True(_policy.Allows(new Uri(url)));
    }

    [Theory]
    [InlineData("http://contoso.crm.dynamics.com/main.aspx")]
    [InlineData("https://contoso.crm.dynamics.com.evil.example/main.aspx")]
    [InlineData("https://evil.example/?https://contoso.crm.dynamics.com")]
    [InlineData("https://contoso.crm.dynamics.com:8443/main.aspx")]
    [InlineData("https://user@contoso.crm.dynamics.com/main.aspx")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    public void Allows_NothingElse(string url)
    {
        Assert.False(_policy.Allows(new Uri(url)));
    }

    [Fact]
    public void Allows_HttpOnlyWhenTheCrmIsHttp()
    {
        var policy = new CrmUrlPolicy(TestOptions.Site("http://127.0.0.1:5555"));

        Assert.True(policy.Allows(new Uri("http://127.0.0.1:5555/main.aspx")));
        Assert.False(policy.Allows(new Uri("https://127.0.0.1:5555/main.aspx")));
    }
}
