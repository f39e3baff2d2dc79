using System.Text.Json;

namespace TrayPop.Intake;

/// <summary>
/// The <c>"token"</c> of a line, read before anything else of it is decoded or logged: a line from a process without the
/// token costs one scan and tells nothing about why else it might be wrong.
/// </summary>
internal static class LineToken
{
    /// <summary>The top-level <c>"token"</c> string of a JSON object; null when there is none or the line is not JSON.</summary>
    public static string? Read(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isToken = reader.ValueTextEquals("token"u8);
                reader.Read();
                if (isToken)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: no token.
        }
        catch (InvalidOperationException)
        {
            // A string the reader cannot decode: no token.
        }

        return null;
    }
}
