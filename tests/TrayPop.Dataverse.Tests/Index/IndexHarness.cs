using System.Text.Json.Nodes;
using DataverseEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Dataverse.Index;
using TrayPop.Dataverse.Lookup;
using TrayPop.Hosting;

namespace TrayPop.Dataverse.Tests.Index;

/// <summary>
/// The emulator, and the indexer and lookups as <c>traypop</c> composes them, on a fake clock, with the indexer's
/// state in a temporary directory. <see cref="StartAsync"/> runs <c>index setup</c> first (the key table made through
/// the metadata endpoints, its key Active at once); <see cref="StartWithoutSetupAsync"/> leaves that to the test.
/// </summary>
internal sealed class IndexHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private IndexHarness(EmulatorServer crm, ServiceProvider services, FakeTimeProvider time, string stateDirectory)
    {
        Crm = crm;
        _services = services;
        Time = time;
        StateDirectory = stateDirectory;
    }

    public EmulatorServer Crm { get; }

    public FakeTimeProvider Time { get; }

    public string StateDirectory { get; }

    public IServiceProvider Services => _services;

    public DataverseClient Client => _services.GetRequiredService<DataverseClient>();

    public static async Task<IndexHarness> StartAsync(string seedJson, params string[] settings)
    {
        var index = await StartWithoutSetupAsync(seedJson, TimeSpan.Zero, settings);
        await index.SetupAsync(TextWriter.Null);
        return index;
    }

    /// <summary>The emulator without the key table; a new alternate key's index job takes <paramref name="keyIndexDelay"/> per step.</summary>
    public static async Task<IndexHarness> StartWithoutSetupAsync(string seedJson, TimeSpan keyIndexDelay, params string[] settings)
    {
        var time = DataverseHarness.NewClock();
        var crm = await EmulatorServer.StartAsync(EmulatorSeed.Parse(seedJson), new EmulatorSettings { TimeProvider = time, KeyIndexDelay = keyIndexDelay });
        var state = Path.Combine(Path.GetTempPath(), "traypop-tests", "index-" + Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["TrayPop:Dataverse:Url"] = crm.BaseUri.AbsoluteUri.TrimEnd('/'),
            ["TrayPop:Dataverse:Auth:Mode"] = "None",
            ["TrayPop:Phone:DefaultRegion"] = "US",
            ["TrayPop:Index:StateDirectory"] = state,
        };
        foreach (var setting in settings)
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            values["TrayPop:" + setting[..split]] = setting[(split + 1)..];
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time);
        services.AddTrayPopCore();
        services.AddPhoneKeyIndex();
        return new IndexHarness(crm, services.BuildServiceProvider(), time, state);
    }

    public Task SetupAsync(TextWriter output, CancellationToken cancellationToken = default) =>
        _services.GetRequiredService<IndexSetup>().RunAsync(output, cancellationToken);

    public Task SyncAsync(CancellationToken cancellationToken = default) =>
        _services.GetRequiredService<IndexSync>().RunOnceAsync(null, cancellationToken);

    /// <summary>A fresh lookup (its own Auto decision) as an agent that starts now would make it.</summary>
    public async Task<LookupResult> LookupAsync(string number)
    {
        var callerId = _services.GetRequiredService<CallerIdParser>().Parse(number);
        return await _services.GetRequiredService<ICallerLookup>().LookupAsync(callerId, CancellationToken.None);
    }

    /// <summary>The key rows the index holds now (the "index is ready" row aside).</summary>
    public IReadOnlyList<JsonObject> Keys() =>
        [.. Crm.GetRecords(PhoneKeyTable.EntitySet).Where(r => (string?)r["tp_entity"] != "traypop")];

    public IReadOnlyList<string> KeysOf(string recordId) =>
        [.. Keys().Where(k => (string?)k["tp_recordid"] == recordId).Select(k => (string)k["tp_number"]!).Order(StringComparer.Ordinal)];

    /// <summary>Moves the fake clock on a second at a time until <paramref name="task"/> ends (its waits are timers on that clock).</summary>
    public async Task AdvanceUntilDoneAsync(Task task, TimeSpan? step = null)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (!task.IsCompleted && Environment.TickCount64 < deadline)
        {
            Time.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(5));
        }

        await task;
    }

    public Task WriteAsync(HttpMethod method, string url, string? json = null) => Client.SendAsync(method, url, json, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Crm.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
