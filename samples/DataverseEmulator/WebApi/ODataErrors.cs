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

    /// <summary>
    /// A bind (<c>x@odata.bind</c>) naming a navigation property the type does not have: Dataverse's OData reader refuses
    /// the body before anything runs, with code 0x0 (seen in MicrosoftDocs/dynamics-365-customer-engagement#887 and
    /// microsoft/PowerPlatform-DataverseServiceClient#108; the service adds a stack trace, left out here).
    /// </summary>
    public static ApiResponse UndeclaredProperty(string navigation) =>
        ApiResponse.Error(400, "0x0",
            $"An error occurred while validating input parameters: Microsoft.OData.ODataException: An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");

    /// <summary>A bind to a record of another table than its navigation property's.</summary>
    public static ApiResponse WrongBindType(string found, string expected) =>
        ApiResponse.Error(400, "0x0",
            $"An error occurred while validating input parameters: Microsoft.OData.ODataException: A resource with type 'Microsoft.Dynamics.CRM.{found}' was found, but it is not assignable to the expected type 'Microsoft.Dynamics.CRM.{expected}'. The type specified in the resource must be equal to either the expected type or a derived type.");
}
