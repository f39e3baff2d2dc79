using System.Buffers;
using System.Text;
using System.Text.Json;
using DataverseEmulator.Store;
using DataverseEmulator.Values;

namespace DataverseEmulator.Seeding;

/// <summary>
/// Reads a seed document in one forward pass (no document tree), so a million records load in seconds:
/// <c>{"contacts":[{"contactid":"…","fullname":"…"}],"accounts":[…]}</c>. Keys must be GUIDs and unique, and
/// statecode a whole number: a seed that breaks this is a mistake to report early.
/// </summary>
internal static class SeedReader
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="FormatException">The text is not a seed document.</exception>
    public static IReadOnlyList<SeedSet> Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("The seed must be a JSON object whose properties are entity set names, e.g. {\"contacts\":[…]}.");
            }

            var sets = new List<SeedSet>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var setName = reader.GetString()!;
                reader.Read();
                sets.RemoveAll(s => s.SetName == setName);
                sets.Add(ReadSet(ref reader, setName));
            }

            return sets;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The seed is not valid JSON: {ex.Message}", ex);
        }
    }

    private static SeedSet ReadSet(ref Utf8JsonReader reader, string setName)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw NotRecords(setName);
        }

        var keyColumn = EntityCatalog.ForSeedSet(setName, []).KeyColumn;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal) { [keyColumn] = 0 };
        var pools = new List<StringPool> { new() };
        var rows = new List<SeedRow>();
        var ids = new HashSet<Guid>();
        var buffer = new object?[8];
        var stateOrdinal = -1;
        Span<char> name = stackalloc char[128];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotRecords(setName);
            }

            Guid? id = null;
            var width = 0;
            Array.Clear(buffer);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var ordinal = Ordinal(ref reader, columns, pools, name);
                if (stateOrdinal < 0 && ordinal == columns.Count - 1 && columns.TryGetValue("statecode", out var state))
                {
                    stateOrdinal = state;
                }

                reader.Read();
                if (ordinal < 0)
                {
                    // Annotations (@odata.etag…) and versionnumber are the service's, not data.
                    reader.Skip();
                    continue;
                }

                if (ordinal == 0)
                {
                    id = ReadKey(ref reader, setName, keyColumn, ids);
                    continue;
                }

                if (ordinal == stateOrdinal &&
                    (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out _)))
                {
                    throw new FormatException($"The seed's \"{setName}\" has a statecode that is not a whole number: {Raw(ref reader)}.");
                }

                if (ordinal >= buffer.Length)
                {
                    Array.Resize(ref buffer, Math.Max(ordinal + 1, buffer.Length * 2));
                }

                buffer[ordinal] = reader.TokenType == JsonTokenType.String ? ReadText(ref reader, pools[ordinal], name) : CellValues.Read(ref reader);
                width = Math.Max(width, ordinal + 1);
            }

            rows.Add(new SeedRow(id, buffer[..width]));
        }

        var layout = ColumnLayout.Create(columns.OrderBy(c => c.Value).Select(c => c.Key), keyColumn);
        return new SeedSet(setName, layout, rows);
    }

    /// <summary>The column's position, adding it on first sight; -1 for properties that are not columns.</summary>
    private static int Ordinal(ref Utf8JsonReader reader, Dictionary<string, int> columns, List<StringPool> pools, scoped Span<char> scratch)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var chars = length <= scratch.Length ? scratch[..reader.CopyString(scratch)] : reader.GetString().AsSpan();
        if (columns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var ordinal))
        {
            return ordinal;
        }

        if (chars.Contains('@') || chars.SequenceEqual("versionnumber"))
        {
            return -1;
        }

        ordinal = columns.Count;
        columns[chars.ToString()] = ordinal;
        pools.Add(new StringPool());
        return ordinal;
    }

    private static Guid? ReadKey(ref Utf8JsonReader reader, string setName, string keyColumn, HashSet<Guid> ids)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String || !Guid.TryParse(reader.GetString(), out var id))
        {
            throw new FormatException($"The seed's \"{setName}\" has a {keyColumn} that is not a GUID: {Raw(ref reader)}.");
        }

        if (!ids.Add(id))
        {
            throw new FormatException($"The seed's \"{setName}\" has two records with {keyColumn} {id:D}.");
        }

        return id;
    }

    private static string ReadText(ref Utf8JsonReader reader, StringPool pool, scoped Span<char> scratch)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        return length <= scratch.Length ? pool.Intern(scratch[..reader.CopyString(scratch)]) : reader.GetString()!;
    }

    private static string Raw(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => JsonSerializer.Serialize(reader.GetString()),
        JsonTokenType.StartObject => "{…}",
        JsonTokenType.StartArray => "[…]",
        _ => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
    };

    private static FormatException NotRecords(string setName) => new($"The seed's \"{setName}\" must be an array of record objects.");
}
