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

    public async Task<JsonElement> SendAsync(string channel, string number, string callId) => channel switch
    {
        "http-get" => await ReadAsync(await _http.GetAsync(new Uri($"/call?number={Uri.EscapeDataString(number)}&callId={callId}", UriKind.Relative))),
        "http-post-json" => await ReadAsync(await _http.PostAsJsonAsync("/call", new { number, callId })),
        _ => await LineAsync(number, callId),
    };

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }

    private async Task<JsonElement> LineAsync(string number, string callId)
    {
        if (_line is null)
        {
            _line = new TcpClient { NoDelay = true };
            await _line.ConnectAsync("127.0.0.1", linePort);
            _lineReader = new StreamReader(_line.GetStream(), Encoding.UTF8);
        }

        var line = JsonSerializer.Serialize(new { number, callId }) + "\n";
        await _line.GetStream().WriteAsync(Encoding.UTF8.GetBytes(line));
        return JsonDocument.Parse(await _lineReader!.ReadLineAsync() ?? "{}").RootElement.Clone();
    }

    public void Dispose()
    {
        _http.Dispose();
        _lineReader?.Dispose();
        _line?.Dispose();
    }
}
