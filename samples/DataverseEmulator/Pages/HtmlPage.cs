using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DataverseEmulator.Pages;

/// <summary>Builds the small, plain HTML pages; everything shown goes through <see cref="Encode"/>.</summary>
internal sealed class HtmlPage(string title)
{
    private const string Style = "body{font-family:Segoe UI,Arial,sans-serif;margin:2em;color:#222}" +
        "header{color:#666;font-size:.9em;margin-bottom:1em}table{border-collapse:collapse}" +
        "th,td{text-align:left;padding:.3em 1em .3em 0;border-bottom:1px solid #eee}th{font-weight:normal;color:#555}";

    private readonly StringBuilder _body = new();

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Appends markup the caller built; any data in it must already be encoded.</summary>
    public HtmlPage Raw(string html)
    {
        _body.Append(html).Append('\n');
        return this;
    }

    public HtmlPage Heading(string id, string text) => Raw($"<h1 id=\"{id}\">{Encode(text)}</h1>");

    public HtmlPage Field(string id, string label, string? value) =>
        Raw($"<tr><th>{Encode(label)}</th><td><span id=\"{Encode(id)}\">{Encode(value)}</span></td></tr>");

    public string Render() =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Encode(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n" +
        "<header>Dataverse emulator</header>\n" + _body + "</body>\n</html>\n";

    public Task WriteAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Render(), context.RequestAborted);
    }
}
