using System.Net;
using System.Text.Json;

namespace DataverseEmulator.Tests.Support;

internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts the Web API's error shape and returns the message.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await ReadAsync(response);
        var error = body.GetProperty("error");
        Assert.StartsWith("0x", error.GetProperty("code").GetString(), StringComparison.Ordinal);
        return error.GetProperty("message").GetString()!;
    }

    public static string[] Names(JsonElement collection, string property = "fullname") =>
        [.. collection.GetProperty("value").EnumerateArray().Select(r => r.GetProperty(property).GetString()!)];
}
