using DataverseEmulator.WebApi;

namespace DataverseEmulator.Faults;

/// <summary>What a fault does to one $batch part: nothing (run it), answer it, or drop the whole connection.</summary>
internal sealed record PartFault(ApiResponse? Answer, bool Drop)
{
    public static readonly PartFault None = new(null, false);

    public static readonly PartFault DropConnection = new(null, true);
}
