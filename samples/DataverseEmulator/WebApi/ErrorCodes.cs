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
}
