using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrayPop.Testing;

/// <summary>
/// Runs fuzz cases of one seed through a driver (in memory, over loopback, against a child process), several at a time,
/// counting how each ended and sampling memory as it goes. A driver that throws is a failure kept with its case.
/// </summary>
internal static class FuzzRun
{
    /// <summary>Longer than any intake timeout a case can meet once the client has stopped sending: past it a case has hung.</summary>
    public static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(35);

    private const int MaxFailuresKept = 10;

    public static async Task<FuzzResult> RunAsync(
        int seed, int cases, int parallel, IReadOnlyList<byte[]> seeds, Func<FuzzCase, Task<FuzzOutcome>> send, Func<long>? workingSet = null)
    {
        workingSet ??= () => Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        var counts = new int[Enum.GetValues<FuzzOutcome>().Length];
        var thrown = 0;
        var failures = new ConcurrentQueue<string>();
        long peakWorkingSet = workingSet(), peakManaged = GC.GetTotalMemory(false);
        var next = -1;

        void Failed(string failure)
        {
            if (failures.Count < MaxFailuresKept)
            {
                failures.Enqueue(failure);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < cases)
            {
                var input = IntakeMutations.Case(seed, index, seeds);
                try
                {
                    var outcome = await send(input);
                    Interlocked.Increment(ref counts[(int)outcome]);
                    if (outcome == FuzzOutcome.Hung)
                    {
                        Failed($"hung: {input}");
                    }
                }
#pragma warning disable CA1031 // Whatever the code under test throws is the finding: kept with the case that caused it.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref thrown);
                    Failed($"threw {ex.GetType().Name}: {ex.Message}: {input}\n{ex}");
                }

                if (index % 1000 == 0)
                {
                    InterlockedMax(ref peakWorkingSet, workingSet());
                    InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));
                }
            }
        })));
        InterlockedMax(ref peakWorkingSet, workingSet());
        InterlockedMax(ref peakManaged, GC.GetTotalMemory(false));
        return new FuzzResult(
            cases, counts[(int)FuzzOutcome.Answered], counts[(int)FuzzOutcome.ClosedSilently], counts[(int)FuzzOutcome.Reset], counts[(int)FuzzOutcome.Hung],
            thrown, peakWorkingSet, peakManaged, watch.Elapsed, [.. failures]);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
