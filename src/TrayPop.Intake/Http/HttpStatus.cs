namespace TrayPop.Intake.Http;

/// <summary>The status codes the intake answers with, and their reason phrases.</summary>
internal static class HttpStatus
{
    public const int Continue = 100;
    public const int Ok = 200;
    public const int Accepted = 202;
    public const int Found = 302;
    public const int BadRequest = 400;
    public const int Unauthorized = 401;
    public const int Forbidden = 403;
    public const int NotFound = 404;
    public const int MethodNotAllowed = 405;
    public const int RequestTimeout = 408;
    public const int PayloadTooLarge = 413;
    public const int UriTooLong = 414;
    public const int TooManyRequests = 429;
    public const int HeadersTooLarge = 431;
    public const int InternalServerError = 500;
    public const int VersionNotSupported = 505;

    public static string Reason(int status) => status switch
    {
        Continue => "Continue",
        Ok => "OK",
        Accepted => "Accepted",
        Found => "Found",
        BadRequest => "Bad Request",
        Unauthorized => "Unauthorized",
        Forbidden => "Forbidden",
        NotFound => "Not Found",
        MethodNotAllowed => "Method Not Allowed",
        RequestTimeout => "Request Timeout",
        PayloadTooLarge => "Payload Too Large",
        UriTooLong => "URI Too Long",
        TooManyRequests => "Too Many Requests",
        HeadersTooLarge => "Request Header Fields Too Large",
        InternalServerError => "Internal Server Error",
        VersionNotSupported => "HTTP Version Not Supported",
        _ => "",
    };
}
