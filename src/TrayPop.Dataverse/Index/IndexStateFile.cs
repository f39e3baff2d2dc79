using System.Text.Json;

namespace TrayPop.Dataverse.Index;

/// <summary>
/// The indexer's local state in <see cref="IndexOptions.StateDirectory"/>: <c>state.json</c> (per table, see
/// <see cref="TableSyncState"/>) and each table's <see cref="KeyMap"/>. Written through a temporary file and a rename,
/// so a kill leaves the old state or the new one, never half of each. The directory is per organisation.
/// </summary>
internal sealed class IndexStateFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly string _path;

    public IndexStateFile(string directory, Uri organisation)
    {
        Directory = System.IO.Path.Combine(directory, Folder(organisation));
        System.IO.Directory.CreateDirectory(Directory);
        _path = System.IO.Path.Combine(Directory, "state.json");
    }

    public string Directory { get; }

    public Dictionary<string, TableSyncState> Tables { get; private set; } = new(StringComparer.Ordinal);

    public TableSyncState For(string entity) =>
        Tables.TryGetValue(entity, out var state) ? state : Tables[entity] = new TableSyncState();

    public void Load()
    {
        Tables = File.Exists(_path)
            ? JsonSerializer.Deserialize<Dictionary<string, TableSyncState>>(File.ReadAllText(_path), Json) ?? new(StringComparer.Ordinal)
            : new(StringComparer.Ordinal);
    }

    public void Save()
    {
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(Tables, Json));
        File.Move(temporary, _path, overwrite: true);
    }

    public string MapPath(string entity) => System.IO.Path.Combine(Directory, $"keys-{entity}.tsv");

    /// <summary>The map a full re-read replaces: records left in it at the end were deleted while nobody watched.</summary>
    public string PreviousMapPath(string entity) => System.IO.Path.Combine(Directory, $"keys-{entity}.previous.tsv");

    private static string Folder(Uri organisation) =>
        string.Concat((organisation.Host + organisation.AbsolutePath.TrimEnd('/') + (organisation.IsDefaultPort ? "" : "_" + organisation.Port))
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
