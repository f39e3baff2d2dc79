namespace DataverseEmulator.WebApi;

/// <summary>The error responses the Web API gives, with Dataverse's wording.</summary>
internal static class ODataErrors
{
    public static ApiResponse SegmentNotFound(string segment) =>
        ApiResponse.Error(404, ErrorCodes.QuerySyntax, $"Resource not found for the segment '{segment}'.");

    public static ApiResponse RecordNotFound(string logicalName, Guid id) =>
        ApiResponse.Error(404, ErrorCodes.RecordNotFound, $"Entity '{logicalName}' With Id = {id:D} Does Not Exist");

    public static ApiResponse PropertyNotFound(string property, string logicalName) =>
        ApiResponse.Error(400, ErrorCodes.QuerySyntax, $"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{logicalName}'.");

    public static ApiResponse BadQuery(string message) => ApiResponse.Error(400, ErrorCodes.QuerySyntax, message);

    public static ApiResponse MethodNotAllowed(string method) =>
        ApiResponse.Error(405, ErrorCodes.MethodNotAllowed, $"The requested resource does not support http method '{method}'.")
            .WithHeader("Allow", "GET");

    public static ApiResponse NotSupported(string what) =>
        ApiResponse.Error(501, ErrorCodes.NotSupported, $"{what} is not supported by the Dataverse emulator.");
}
