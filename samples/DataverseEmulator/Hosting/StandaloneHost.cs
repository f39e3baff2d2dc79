using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace DataverseEmulator.Hosting;

/// <summary>Runs the emulator as a process until Ctrl+C or SIGTERM.</summary>
internal static class StandaloneHost
{
    private const int LargeSeed = 100_000;

    public static async Task<int> RunAsync(string[] args)
    {
        CommandLineOptions options;
        EmulatorSeed seed;
        try
        {
            options = CommandLineOptions.Parse(args);
            if (options.Help)
            {
                await Console.Out.WriteLineAsync(CommandLineOptions.Usage);
                return 0;
            }

            if (options.GenerateContacts is { } count)
            {
                return await SeedFiles.GenerateAsync(count, options);
            }

            seed = options switch
            {
                { SeedPath: { } path } => EmulatorSeed.Load(path),
                { GeneratedContacts: { } contacts } => EmulatorSeed.Generate(contacts, options.GeneratorSeed, options.ExpectedCallers),
                _ => EmulatorSeed.Sample,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(CommandLineOptions.Usage);
            return 2;
        }

        if (options.PrintSeed)
        {
            await Console.Out.WriteLineAsync(seed.ToJson());
            return 0;
        }

        var settings = new EmulatorSettings
        {
            Url = options.Url,
            RequireToken = options.RequireToken,
            OrganizationName = options.OrganizationName,
            ScanLimit = options.ScanLimit,
            KeyIndexDelay = options.KeyIndexDelay,
            LogLevel = options.Verbose ? LogLevel.Debug : LogLevel.Warning,
        };

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var server = await EmulatorServer.StartAsync(seed, settings);
        if (seed.EntitySets.Sum(seed.Count) > LargeSeed)
        {
            // Reading a large seed leaves its file's bytes and parse garbage behind; give them back once, before serving.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        foreach (var token in options.Tokens)
        {
            server.Auth.AddToken(token, DateTimeOffset.MaxValue);
        }

        foreach (var (id, secret) in options.Clients)
        {
            server.Auth.AddClient(id, secret);
        }

        var counts = string.Join(", ", seed.EntitySets.Select(s => $"{seed.Count(s)} {s}"));
        await Console.Out.WriteLineAsync($"Dataverse emulator listening on {server.BaseUri}");
        var source = options.SeedPath ?? (options.GeneratedContacts is not null ? $"generated, generator seed {options.GeneratorSeed}" : "built-in sample");
        await Console.Out.WriteLineAsync($"  Web API: {server.BaseUri}api/data/v9.2/   seed: {source} ({counts})");
        await Console.Out.WriteLineAsync("  Press Ctrl+C to stop.");
        await Console.Out.FlushAsync();
        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
