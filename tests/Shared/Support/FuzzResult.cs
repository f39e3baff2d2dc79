using System.Globalization;

namespace TrayPop.Testing;

/// <summary>What a <see cref="FuzzRun"/> counted: how the cases ended, the memory peaks it sampled, and the first failures with their cases.</summary>
internal sealed record FuzzResult(
    int Cases, int Answered, int ClosedSilently, int Reset, int Hung, int Threw, long PeakWorkingSet, long PeakManaged, TimeSpan Elapsed, IReadOnlyList<string> Failures)
{
    public double CasesPerSecond => Cases / Elapsed.TotalSeconds;

    /// <summary>Every case answered or closed: none hung, none made the code under test throw.</summary>
    public bool AllEnded => Hung == 0 && Threw == 0 && Answered + ClosedSilently + Reset == Cases;

    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cases:N0} cases in {Elapsed.TotalSeconds:F1} s ({CasesPerSecond:N0}/s): {Answered:N0} answered, {ClosedSilently:N0} closed without an answer, " +
        $"{Reset:N0} reset, {Hung} hung, {Threw} threw; peak working set {PeakWorkingSet / 1048576} MB, peak managed heap {PeakManaged / 1048576} MB");
}
