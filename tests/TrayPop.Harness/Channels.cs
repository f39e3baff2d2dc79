using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace TrayPop.Harness;

/// <summary>Sends one call event over a channel and returns TrayPop's reply.</summary>
internal sealed class Channels(int port, int linePort) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    private TcpClient? _line;
    private StreamReader? _lineReader;

    public static readonly string[] Names = ["http-get", "http-post-json", "line"];

    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public async Task<JsonElement> SendAsync(string channel, string number, string callId) => channel switch
    {
        "http-get" => await ReadAsync(await _http.GetAsync(new Uri($"/call?number={Uri.EscapeDataString(number)}&callId={callId}", UriKind.Relative))),
        "http-post-json" => await ReadAsync(await _http.PostAsJsonAsync("/call", new { number, callId })),
        _ => await LineAsync(JsonSerializer.Serialize(new { number, callId })),
    };

    /// <summary>One event of a call with its type and phase; without a call id when <paramref name="callId"/> is null.</summary>
    public async Task<JsonElement> SendAsync(string channel, string number, string? callId, string type, string phase) => channel switch
    {
        "http-get" => await ReadAsync(await _http.GetAsync(new Uri(
            $"/call?number={Uri.EscapeDataString(number)}&type={type}&phase={phase}{(callId is null ? "" : "&callId=" + Uri.EscapeDataString(callId))}", UriKind.Relative))),
        "http-post-json" => await ReadAsync(await _http.PostAsJsonAsync("/call", new { number, callId, type, phase }, WithoutNulls)),
        _ => await LineAsync(JsonSerializer.Serialize(new { number, callId, type, phase }, WithoutNulls)),
    };

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }

    private async Task<JsonElement> LineAsync(string json)
    {
        if (_line is null)
        {
            _line = new TcpClient { NoDelay = true };
            await _line.ConnectAsync("127.0.0.1", linePort);
            _lineReader = new StreamReader(_line.GetStream(), Encoding.UTF8);
        }

        await _line.GetStream().WriteAsync(Encoding.UTF8.GetBytes(json + "\n"));
        // A closed connection (the service was killed) is no reply: the caller sends the event again.
        var reply = await _lineReader!.ReadLineAsync() ?? throw new IOException("the line connection closed without a reply");
        return JsonDocument.Parse(reply).RootElement.Clone();
    }

    public void Dispose()
    {
        _http.Dispose();
        _lineReader?.Dispose();
        _line?.Dispose();
    }
}
