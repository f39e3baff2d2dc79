using DataverseEmulator.Diagnostics;
using System.Text.Json.Nodes;
using DataverseEmulator.Hosting;
using DataverseEmulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace DataverseEmulator;

/// <summary>
/// An in-process Dataverse organisation on a real loopback socket: the Web API under <c>/api/data/v9.2/</c>,
/// the <c>main.aspx</c> pages, a client-credentials token endpoint, and fault injection.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private readonly EntityStore _store;
    private int _disposed;

    private EmulatorServer(WebApplication app, Uri baseUri, EmulatorFaults faults, EmulatorAuth auth, RequestLog log, EntityStore store)
    {
        _app = app;
        _store = store;
        BaseUri = baseUri;
        Faults = faults;
        Auth = auth;
        _log = log;
    }

    /// <summary>Organisation root, e.g. <c>http://127.0.0.1:41234/</c>; the Web API is at <c>api/data/v9.2/</c> below it.</summary>
    public Uri BaseUri { get; }

    public EmulatorFaults Faults { get; }

    public EmulatorAuth Auth { get; }

    /// <summary>Requests received under <c>/api/data/</c> since start or <see cref="ResetCounters"/>; a $batch counts as one.</summary>
    public int ApiRequestCount => _log.Count;

    /// <summary>"METHOD /path?query" of each Web API request, in order of arrival.</summary>
    public IReadOnlyList<string> ApiRequests => _log.Snapshot();

    /// <summary>Starts an emulator holding <paramref name="seed"/>; binds <c>http://127.0.0.1:0</c> unless <see cref="EmulatorSettings.Url"/> is set.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorSeed seed, EmulatorSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        settings ??= new EmulatorSettings();
        var auth = new EmulatorAuth(settings.RequireToken, settings.TimeProvider);
        var faults = new EmulatorFaults();
        var log = new RequestLog();
        var store = new EntityStore(seed, new StoreContext(settings.TimeProvider, settings.ScanLimit, settings.KeyIndexDelay));

        var app = EmulatorApplication.Build(store, seed, settings, auth, faults, log);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var organization = string.IsNullOrEmpty(settings.OrganizationName) ? string.Empty : settings.OrganizationName.Trim('/') + "/";
        return new EmulatorServer(app, new Uri(address.TrimEnd('/') + "/" + organization), faults, auth, log, store);
    }

    public void ResetCounters() => _log.Reset();

    /// <summary>Requests, rows scanned and rows sought since start or <see cref="ResetStats"/> (also <c>GET /_emulator/stats</c>).</summary>
    public EmulatorStats Stats => _store.Context.Stats.Snapshot();

    /// <summary>Starts the cost counters from zero (also <c>POST /_emulator/stats/reset</c>).</summary>
    public void ResetStats() => _store.Context.Stats.Reset();

    /// <summary>
    /// Copies of the rows an entity set holds now, as stored (e.g. phonecalls the product wrote, with
    /// <c>_regardingobjectid_value</c> for their binds); empty for a set the emulator does not know.
    /// </summary>
    public IReadOnlyList<JsonObject> GetRecords(string entitySet) =>
        _store.FindBySet(entitySet) is { } table ? [.. table.Snapshot().Select(r => r.Values)] : [];

    /// <summary>Number of rows an entity set holds now; 0 for a set the emulator does not know.</summary>
    public int CountRecords(string entitySet) => _store.FindBySet(entitySet)?.Count ?? 0;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
