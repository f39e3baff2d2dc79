using System.Text.Json;
using TrayPop.Core.Calls;
using TrayPop.Intake.Http;

namespace TrayPop.Intake;

/// <summary>
/// Turns query strings, form bodies, JSON bodies and protocol lines into <see cref="CallEvent"/>s, or a
/// plain reason why not. Never throws on input: it faces whatever any local process sends.
/// </summary>
internal static class CallEventDecoder
{
    public const int MaxNumberLength = 256;
    public const int MaxFieldLength = 128;

    private const string NotUtf8 = "the event is not valid UTF-8 text (an invalid byte sequence or a lone surrogate)";

    public static DecodeResult FromQuery(UrlEncodedValues query) => FromValues(query);

    public static DecodeResult FromForm(UrlEncodedValues form) => FromValues(form);

    public static DecodeResult FromJson(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4, CommentHandling = JsonCommentHandling.Skip });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DecodeResult.Fail("the body must be a JSON object such as {\"number\":\"+14255550100\",\"type\":\"inbound\"}");
            }

            var notText = false;
            string? Field(string name)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Number => property.Value.GetRawText(),
                            JsonValueKind.Null => null,
                            _ => Reject(),
                        };
                    }
                }

                return null;
            }

            string? Reject()
            {
                notText = true;
                return null;
            }

            var fields = new CallEventFields(Field("number"), Field("type"), Field("phase"), Field("callId"), Field("extension"), Field("name") ?? Field("displayName"));
            var token = Field("token");
            return notText
                ? DecodeResult.Fail("every field must be a string")
                : Validate(fields) with { Token = token };
        }
        catch (JsonException ex)
        {
            return DecodeResult.Fail($"the body is not valid JSON ({ex.Message})");
        }
        catch (InvalidOperationException)
        {
            // GetString of an escaped lone surrogate ("\ud800") or of invalid UTF-8 the reader let through.
            return DecodeResult.Fail(NotUtf8);
        }
    }

    public static DecodeResult Validate(CallEventFields fields)
    {
        foreach (var value in (ReadOnlySpan<string?>)[fields.Number, fields.Type, fields.Phase, fields.CallId, fields.Extension, fields.Name])
        {
            if (!IsWellFormedText(value))
            {
                return DecodeResult.Fail(NotUtf8);
            }
        }

        if (string.IsNullOrWhiteSpace(fields.Number))
        {
            return DecodeResult.Fail("number is required (the other party's number or caller id; 'anonymous' for a withheld one)");
        }

        if (fields.Number.Length > MaxNumberLength)
        {
            return DecodeResult.Fail($"number is longer than {MaxNumberLength} characters");
        }

        if (!TryType(fields.Type, out var type))
        {
            return DecodeResult.Fail("type must be inbound, outbound, internal or predictive");
        }

        if (!TryPhase(fields.Phase, out var phase))
        {
            return DecodeResult.Fail("phase must be ring, answer or end (or absent to act now)");
        }

        foreach (var (name, value) in new[] { ("callId", fields.CallId), ("extension", fields.Extension), ("name", fields.Name) })
        {
            if (value is { Length: > MaxFieldLength })
            {
                return DecodeResult.Fail($"{name} is longer than {MaxFieldLength} characters");
            }

            if (value is not null && value.Any(char.IsControl))
            {
                return DecodeResult.Fail($"{name} contains control characters");
            }
        }

        return DecodeResult.Ok(new CallEvent(fields.Number, type, phase, Blank(fields.CallId), Blank(fields.Extension), Blank(fields.Name)));
    }

    private static bool TryType(string? text, out CallType type)
    {
        type = CallType.Inbound;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "INBOUND" or "INCOMING" or "IN":
                return true;
            case "OUTBOUND" or "OUTGOING" or "OUT":
                type = CallType.Outbound;
                return true;
            case "INTERNAL":
                type = CallType.Internal;
                return true;
            case "PREDICTIVE" or "DIALLER" or "DIALER":
                type = CallType.Predictive;
                return true;
            default:
                return false;
        }
    }

    private static bool TryPhase(string? text, out CallPhase phase)
    {
        phase = CallPhase.Now;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "NOW":
                return true;
            case "RING" or "RINGING" or "OFFERING":
                phase = CallPhase.Ring;
                return true;
            case "ANSWER" or "ANSWERED" or "CONNECTED" or "START":
                phase = CallPhase.Answer;
                return true;
            case "END" or "ENDED" or "HANGUP" or "DISCONNECTED":
                phase = CallPhase.End;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The first value of each field wins, as with ASP.NET Core's query and form collections.</summary>
    private static DecodeResult FromValues(UrlEncodedValues values) => Validate(new CallEventFields(
        values["number"], values["type"], values["phase"], values["callId"], values["extension"], values["name"]));

    /// <summary>
    /// No lone surrogate, and no U+FFFD (what a decoder leaves of invalid UTF-8, as a softphone writing Latin-1 sends):
    /// such text cannot be a caller's number or name, and must not reach the logs or the CRM half-decoded.
    /// </summary>
    private static bool IsWellFormedText(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\uFFFD')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
