using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseEmulator.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataverseEmulator.Faults;

/// <summary>
/// <c>/_emulator/…</c>: fault injection and the request log over HTTP, for scripts that run the emulator as a process.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorFaults faults, RequestLog log)
    {
        routes.MapMethods("/_emulator/faults", ["GET"], context => Json(context, 200, FaultJson.DescribeState(faults)));
        routes.MapMethods("/_emulator/faults", ["POST"], async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                foreach (var (fault, count, keep) in FaultJson.Parse(text))
                {
                    if (keep)
                    {
                        faults.Keep(fault);
                    }
                    else
                    {
                        faults.Enqueue(fault, count);
                    }
                }
            }
            catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException or InvalidOperationException)
            {
                await Json(context, 400, new JsonObject { ["error"] = ex.Message });
                return;
            }

            await Json(context, 200, FaultJson.DescribeState(faults));
        });
        routes.MapMethods("/_emulator/faults", ["DELETE"], context =>
        {
            faults.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        routes.MapMethods("/_emulator/requests", ["GET"], context =>
        {
            var requests = log.Snapshot();
            return Json(context, 200, new JsonObject
            {
                ["count"] = requests.Count,
                ["requests"] = new JsonArray([.. requests.Select(r => (JsonNode)r)]),
            });
        });
        routes.MapMethods("/_emulator/requests", ["DELETE"], context =>
        {
            log.Reset();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }

    private static Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
