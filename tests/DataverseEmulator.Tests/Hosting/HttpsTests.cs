using System.Net;
using TrayPop.Testing;

namespace DataverseEmulator.Tests.Hosting;

/// <summary>With a certificate the emulator serves HTTPS, as Dataverse and Entra ID do, for clients (MSAL) that refuse http.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task WithACertificate_ServesHttps_ToAClientThatTrustsIt()
    {
        using var certificate = DevelopmentCertificate.Create();
        await using var server = await EmulatorServer.StartAsync(EmulatorSeed.Sample, new EmulatorSettings { Certificate = certificate });
        using var http = new HttpClient(DevelopmentCertificate.Trusting(certificate)) { BaseAddress = server.BaseUri };

        using var response = await http.GetAsync("api/data/v9.2/WhoAmI");

        Assert.Equal(Uri.UriSchemeHttps, server.BaseUri.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithACertificate_AClientThatDoesNotTrustIt_IsRefused()
    {
        using var certificate = DevelopmentCertificate.Create();
        await using var server = await EmulatorServer.StartAsync(EmulatorSeed.Sample, new EmulatorSettings { Certificate = certificate });
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("api/data/v9.2/WhoAmI"));
    }
}
