using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataverseEmulator.Values;

namespace DataverseEmulator.Seeding;

/// <summary>Writes seed sets as a seed document, one record per line, streaming (a million records need no tree).</summary>
internal static class SeedWriter
{
    // Relaxed escaping keeps "+1 425…" and names readable; a seed is data, never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static void Write(Stream stream, IEnumerable<SeedSet> sets)
    {
        var first = true;
        stream.Write("{"u8);
        foreach (var set in sets)
        {
            stream.Write(Encoding.UTF8.GetBytes((first ? "\n" : ",\n") + JsonSerializer.Serialize(set.SetName) + ": ["));
            first = false;
            var firstRow = true;
            foreach (var row in set.Rows)
            {
                stream.Write(firstRow ? NewLine : ",\n"u8);
                firstRow = false;
                using var writer = new Utf8JsonWriter(stream, Options);
                WriteRow(writer, set, row);
            }

            stream.Write("\n]"u8);
        }

        stream.Write("\n}\n"u8);
    }

    private static void WriteRow(Utf8JsonWriter writer, SeedSet set, SeedRow row)
    {
        writer.WriteStartObject();
        var layout = set.Layout;
        for (var i = 0; i < layout.Count; i++)
        {
            var name = layout.Names[i];
            if (name == layout.KeyColumn)
            {
                if (row.Id is { } id)
                {
                    writer.WriteString(name, id.ToString("D"));
                }

                continue;
            }

            if (i < row.Cells.Length && row.Cells[i] is { } value)
            {
                writer.WritePropertyName(name);
                CellValues.Write(writer, value);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
