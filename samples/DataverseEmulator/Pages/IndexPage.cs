using Microsoft.AspNetCore.Http;

namespace DataverseEmulator.Pages;

/// <summary>The root page: where to point a browser or a client.</summary>
internal static class IndexPage
{
    public static Task HandleAsync(HttpContext context)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";
        return new HtmlPage("Dataverse emulator")
            .Heading("title", "Dataverse emulator")
            .Raw($"<p>Web API: <a id=\"webapi\" href=\"{HtmlPage.Encode(root)}api/data/v9.2/\">{HtmlPage.Encode(root)}api/data/v9.2/</a></p>")
            .Raw($"<p><a href=\"{HtmlPage.Encode(root)}main.aspx?pagetype=search&amp;searchText=%28206%29%20555-0100\">Search for (206) 555-0100</a></p>")
            .WriteAsync(context, 200);
    }
}
