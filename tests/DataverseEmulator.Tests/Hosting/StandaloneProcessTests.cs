using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DataverseEmulator.Tests.Hosting;

/// <summary>The emulator as a separate process, the way scripts run it: <c>--urls … --seed FILE</c>, URL printed on start.</summary>
public class StandaloneProcessTests
{
    [Fact]
    public async Task Run_WithSeedFile_PrintsUrlAndServesTheSeed()
    {
        var seedPath = Path.GetTempFileName();
        await File.WriteAllTextAsync(seedPath, """{"contacts":[{"contactid":"44444444-0000-4000-8000-000000000001","fullname":"Process Person","telephone1":"(425) 555-0144"}]}""");
        var dll = typeof(EmulatorServer).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--seed", seedPath, "--org", "Contoso" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            // A safety net so a broken start fails the test instead of hanging the run; not a timing assertion.
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.NotNull(firstLine);
            Assert.StartsWith("Dataverse emulator listening on http://127.0.0.1:", firstLine, StringComparison.Ordinal);
            var baseUri = new Uri(firstLine["Dataverse emulator listening on ".Length..]);
            Assert.EndsWith("/Contoso/", baseUri.AbsolutePath, StringComparison.Ordinal);

            using var client = new HttpClient { BaseAddress = baseUri };
            var body = JsonNode.Parse(await client.GetStringAsync("api/data/v9.0/contacts?$select=fullname,statecode"))!;

            var record = body["value"]![0]!;
            Assert.Equal("Process Person", record["fullname"]!.ToString());
            Assert.Equal(0, record["statecode"]!.GetValue<int>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            File.Delete(seedPath);
        }
    }

    [Fact]
    public async Task Run_WithBadSeed_ExitsWithAMessage()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(EmulatorServer).Assembly.Location);
        start.ArgumentList.Add("--seed");
        start.ArgumentList.Add(Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid() + ".json"));

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("does-not-exist", error, StringComparison.Ordinal);
    }
}
