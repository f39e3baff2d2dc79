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

    public static ApiResponse RecordNotFoundByKey(string logicalName) =>
        ApiResponse.Error(404, ErrorCodes.RecordNotFoundByEntityKey, $"A record with the specified key values does not exist in {logicalName} entity");

    public static ApiResponse DuplicateKey(string keyName, IEnumerable<string> values) =>
        ApiResponse.Error(412, ErrorCodes.DuplicateRecordEntityKey,
            $"Entity Key {keyName} violated. A record with the same value for {string.Join(",", values)} already exists. A duplicate record cannot be created. Select one or more unique values and try again.");

    public static ApiResponse KeyNotDefined(string logicalName) =>
        ApiResponse.Error(400, ErrorCodes.EntityKeyNotDefined, $"The specified key attributes are not a defined key for the {logicalName} entity");

    /// <summary>The documented answer when a query with a leading wildcard times out on a large table.</summary>
    public static ApiResponse LeadingWildcardTimeout() =>
        ApiResponse.Error(400, ErrorCodes.LeadingWildcardCauseTimeout,
            "The database operation timed out; this may be due to a leading wildcard value being used in a filter condition. Please consider removing filter conditions on leading wildcard values, as these filter conditions are expensive and may cause timeouts.");

    public static ApiResponse NoEntity(string name) =>
        ApiResponse.Error(404, ErrorCodes.NoEntity, $"The entity with a name = '{name}' with namemapping = 'Logical' was not found in the MetadataCache.");

    public static ApiResponse NotSupported(string what) =>
        ApiResponse.Error(501, ErrorCodes.NotSupported, $"{what} is not supported by the Dataverse emulator.");
}
