using System.Net.Http.Headers;
using System.Text.Json;

namespace DataverseEmulator.Tests.Support;

/// <summary>An emulator on a real loopback port and an HttpClient pointed at its organisation root.</summary>
internal sealed class RunningEmulator : IAsyncDisposable
{
    private RunningEmulator(EmulatorServer server)
    {
        Server = server;
        Client = new HttpClient { BaseAddress = server.BaseUri };
    }

    public EmulatorServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<RunningEmulator> StartAsync(EmulatorSettings? settings = null, EmulatorSeed? seed = null) =>
        new(await EmulatorServer.StartAsync(seed ?? EmulatorSeed.Sample, settings));

    public Task<HttpResponseMessage> GetAsync(string relativeUrl, string? prefer = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string relativeUrl, string? prefer = null)
    {
        using var response = await GetAsync(relativeUrl, prefer);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
