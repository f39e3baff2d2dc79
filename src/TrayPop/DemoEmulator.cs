using DataverseEmulator;
using TrayPop.Core.Hosting;

namespace TrayPop;

/// <summary>The built-in default of <c>demo</c>: the Dataverse emulator in-process, with its sample contacts.</summary>
internal static class DemoEmulator
{
    public static async Task<DemoCrm> StartAsync(CancellationToken cancellationToken)
    {
        var server = await EmulatorServer.StartAsync(EmulatorSeed.Sample, cancellationToken: cancellationToken);
        // The sample seed's first contact, Jane Doe, is stored as (425) 555-0101.
        return new DemoCrm(server.BaseUri, server, "+14255550101", "Jane Doe");
    }
}
