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

    [Fact]
    public async Task GenerateSeed_WritesTheSeedAndItsExpectedCallers_ThenExits()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-seed-");
        try
        {
            var seedPath = Path.Combine(directory.FullName, "seed.json");
            var start = Start("--generate-seed", "2000", "--out", seedPath, "--expected-callers", "20", "--generator-seed", "5");

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(0, process.ExitCode);
            Assert.StartsWith("Wrote ", output, StringComparison.Ordinal);
            Assert.Equal(2000, EmulatorSeed.Load(seedPath).Count("contacts"));
            var callers = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "seed.callers.json")))!;
            Assert.Equal(2000, callers["contacts"]!.GetValue<int>());
            Assert.InRange(callers["callers"]!.AsArray().Count, 15, 20);
            Assert.StartsWith("+", callers["callers"]![0]!["caller"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_WithGeneratedSeedAndScanLimit_ServesTheRecordsTheirCallersAndTheLimit()
    {
        using var process = Process.Start(Start("--urls", "http://127.0.0.1:0", "--generated-seed", "3000", "--scan-limit", "100", "--key-index-seconds", "0"))!;
        try
        {
            // A safety net so a broken start fails the test instead of hanging the run; not a timing assertion.
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.StartsWith("Dataverse emulator listening on http://127.0.0.1:", firstLine, StringComparison.Ordinal);
            using var client = new HttpClient { BaseAddress = new Uri(firstLine!["Dataverse emulator listening on ".Length..]) };

            var count = await client.GetStringAsync("api/data/v9.2/contacts/$count");
            var callers = JsonNode.Parse(await client.GetStringAsync("_emulator/callers"))!;
            using var scan = await client.GetAsync("api/data/v9.2/contacts?$filter=contains(fullname,'a')");
            var stats = JsonNode.Parse(await client.GetStringAsync("_emulator/stats"))!;

            Assert.Equal("3000", count);
            Assert.NotEmpty(callers["callers"]!.AsArray());
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, scan.StatusCode);
            Assert.Contains("0x80048573", await scan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(2, stats["requests"]!.GetValue<long>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(EmulatorServer).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
