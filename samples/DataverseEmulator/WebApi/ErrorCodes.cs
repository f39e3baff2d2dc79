namespace DataverseEmulator.WebApi;

/// <summary>The hexadecimal codes Dataverse puts in <c>error.code</c> for the failures the emulator reproduces.</summary>
internal static class ErrorCodes
{
    /// <summary>Query syntax errors, unknown columns and unknown resource segments.</summary>
    public const string QuerySyntax = "0x80060888";

    public const string RecordNotFound = "0x80040217";

    public const string DuplicateRecord = "0x80040237";

    public const string ConcurrencyFailure = "0x80060882";

    public const string MethodNotAllowed = "0x80060888";

    public const string Unauthenticated = "0x80072560";

    public const string BatchTooLarge = "0x8006088b";

    public const string BatchMalformed = "0x80048d19";

    public const string NotSupported = "0x80048d0b";

    /// <summary>Service protection: number of requests over the 5-minute window.</summary>
    public const string TooManyRequests = "0x80072322";

    public const string Unexpected = "0x80040216";

    public const string ServiceUnavailable = "0x80044183";

    /// <summary>LeadingWildcardCauseTimeout: a leading-wildcard condition made SQL scan a large table until it timed out.</summary>
    public const string LeadingWildcardCauseTimeout = "0x80048573";

    /// <summary>ExpiredVersionStamp: a change-tracking token older than the organisation keeps changes (7 days).</summary>
    public const string ExpiredVersionStamp = "0x80044352";

    /// <summary>ChangeTrackingNotEnabledForEntity.</summary>
    public const string ChangeTrackingNotEnabled = "0x80072491";

    /// <summary>DuplicateRecordEntityKey: another row already has these alternate key values.</summary>
    public const string DuplicateRecordEntityKey = "0x80060892";

    /// <summary>RecordNotFoundByEntityKey.</summary>
    public const string RecordNotFoundByEntityKey = "0x80060891";

    /// <summary>EntityKeyNotDefined: the columns named in a key segment are not an (active) alternate key.</summary>
    public const string EntityKeyNotDefined = "0x80060890";

    /// <summary>QueryBuilderNoEntity: no table with that name in the metadata.</summary>
    public const string NoEntity = "0x80041102";

    /// <summary>DuplicateName: a table or column with that name exists.</summary>
    public const string DuplicateName = "0x80047010";

    /// <summary>EntityKeyNameExists.</summary>
    public const string EntityKeyNameExists = "0x80060893";

    /// <summary>EntityKeyWithSelectedAttributesExists.</summary>
    public const string EntityKeyWithSelectedAttributesExists = "0x80060894";

    /// <summary>AttributeDoesNotExist-style refusal of metadata naming an unknown column.</summary>
    public const string InvalidArgument = "0x80040203";
}
