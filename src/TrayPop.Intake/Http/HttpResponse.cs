using System.Text;

namespace TrayPop.Intake.Http;

/// <summary>What the intake answers: a status, an optional typed body, and the few headers it ever sets.</summary>
internal sealed record HttpResponse(int Status, ReadOnlyMemory<byte> Body = default, string? ContentType = null)
{
    public string? Location { get; init; }

    public string? Allow { get; init; }

    /// <summary>Closes the connection after this answer (set for answers to requests the server could not read).</summary>
    public bool Close { get; init; }

    public static HttpResponse Json(int status, byte[] json) => new(status, json, "application/json");

    public static HttpResponse Html(string html) => new(HttpStatus.Ok, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    public static HttpResponse Redirect(string location) => new(HttpStatus.Found) { Location = location };

    public static HttpResponse Empty(int status) => new(status);
}
