using System.Text.Json.Nodes;
using DataverseEmulator.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataverseEmulator.Stats;

/// <summary>
/// <c>GET /_emulator/stats</c> → <c>{"requests":N,"rowsScanned":N,"rowsSeeked":N}</c>, <c>POST /_emulator/stats/reset</c>,
/// and <c>GET /_emulator/callers</c>: the expected callers of a generated seed.
/// </summary>
internal static class StatsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, QueryStats stats, EmulatorSeed seed)
    {
        routes.MapMethods("/_emulator/stats", ["GET"], context => Json(context, 200, ToJson(stats.Snapshot())));
        routes.MapMethods("/_emulator/stats/reset", ["POST"], context =>
        {
            stats.Reset();
            return Json(context, 200, ToJson(stats.Snapshot()));
        });
        routes.MapMethods("/_emulator/callers", ["GET"], context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(ExpectedCallersJson.ToText(seed), context.RequestAborted);
        });
    }

    public static JsonObject ToJson(EmulatorStats stats) => new()
    {
        ["requests"] = stats.Requests,
        ["rowsScanned"] = stats.RowsScanned,
        ["rowsSeeked"] = stats.RowsSeeked,
    };

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
