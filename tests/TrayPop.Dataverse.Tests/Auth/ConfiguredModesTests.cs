using System.Net;
using TrayPop.Dataverse;

namespace TrayPop.Dataverse.Tests.Auth;

/// <summary>The Token and None modes against the emulator's bearer check.</summary>
public sealed class ConfiguredModesTests : IAsyncDisposable
{
    private DataverseHarness? _harness;

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Token_IsSentAsBearer_AndAccepted()
    {
        _harness = await DataverseHarness.StartAsync("Token", requireToken: true, settings: "Dataverse:Auth:Token=given-token-123");
        _harness.Crm.Auth.AddToken("given-token-123", DateTimeOffset.MaxValue);

        var whoAmI = await _harness.Client.WhoAmIAsync(CancellationToken.None);

        Assert.NotEqual(Guid.Empty, whoAmI.UserId);
        Assert.DoesNotContain("given-token-123", _harness.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_Refused_Is401WithoutRetry()
    {
        _harness = await DataverseHarness.StartAsync("Token", requireToken: true, settings: "Dataverse:Auth:Token=unknown-token");

        var failure = await Assert.ThrowsAsync<DataverseException>(() => _harness.Client.WhoAmIAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal(1, _harness.Crm.ApiRequestCount);
    }

    [Fact]
    public async Task None_SendsNoAuthorization()
    {
        _harness = await DataverseHarness.StartAsync("None", requireToken: false);

        await _harness.Client.WhoAmIAsync(CancellationToken.None);

        _harness.Crm.Auth.RequireToken = true;
        var failure = await Assert.ThrowsAsync<DataverseException>(() => _harness.Client.WhoAmIAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Contains("Bearer token is required", failure.Message, StringComparison.Ordinal);
    }
}
