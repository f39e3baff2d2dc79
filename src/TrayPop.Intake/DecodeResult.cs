using TrayPop.Core.Calls;

namespace TrayPop.Intake;

/// <summary>A decoded call event, or the reason it was rejected (for a 400 or an error line).</summary>
/// <param name="Token">The shared secret the line protocol's <c>"token"</c> field carried, if any.</param>
internal readonly record struct DecodeResult(CallEvent? Event, string? Error, string? Token = null)
{
    public static DecodeResult Fail(string error) => new(null, error);

    public static DecodeResult Ok(CallEvent callEvent) => new(callEvent, null);
}
