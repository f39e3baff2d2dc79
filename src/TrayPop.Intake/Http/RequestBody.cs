namespace TrayPop.Intake.Http;

/// <summary>A request body as read: its bytes (valid until the response is sent), or that it was larger than allowed.</summary>
internal readonly record struct RequestBody(ReadOnlyMemory<byte> Bytes, bool TooLarge)
{
    public static RequestBody Empty => default;

    public static RequestBody OverLimit => new(default, true);
}
