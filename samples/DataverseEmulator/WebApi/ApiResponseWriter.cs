using Microsoft.AspNetCore.Http;

namespace DataverseEmulator.WebApi;

internal static class ApiResponseWriter
{
    public static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            if (!response.Headers.ContainsKey("Content-Type"))
            {
                context.Response.ContentType = response.ContentType;
            }

            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
