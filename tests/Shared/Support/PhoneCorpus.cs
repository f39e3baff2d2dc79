using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TrayPop.Testing;

/// <summary>Loads the shared caller/stored corpus, which the end-to-end lookup tests reuse.</summary>
internal static class PhoneCorpus
{
    private const string RelativePath = "Corpus/phone-corpus.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<PhoneCorpusPair> Load() =>
        JsonSerializer.Deserialize<List<PhoneCorpusPair>>(File.ReadAllText(FilePath()), Json)
        ?? throw new InvalidDataException($"{RelativePath} is empty.");

    private static string FilePath([CallerFilePath] string sourceFile = "")
    {
        // Copied beside the test assembly when the project says so; otherwise read from the source tree.
        var output = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(output)
            ? output
            : Path.Combine(Path.GetDirectoryName(sourceFile)!, "Corpus", "phone-corpus.json");
    }
}
