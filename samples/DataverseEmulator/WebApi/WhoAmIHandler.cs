using System.Text.Json.Nodes;

namespace DataverseEmulator.WebApi;

internal static class WhoAmIHandler
{
    public static ApiResponse Handle(ApiRequest request, EmulatorSettings settings) => ApiResponse.Json(200, new JsonObject
    {
        ["@odata.context"] = $"{request.ApiBase}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
        ["BusinessUnitId"] = settings.BusinessUnitId.ToString("D"),
        ["UserId"] = settings.UserId.ToString("D"),
        ["OrganizationId"] = settings.OrganizationId.ToString("D"),
    });
}
