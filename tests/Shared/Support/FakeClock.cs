using Microsoft.Extensions.Time.Testing;

namespace TrayPop.Testing;

/// <summary>
/// Moves a fake clock until what it sets off has happened. A timer (a retry's delay, a pop's budget) may be created a
/// moment after the clock last moved, so one jump by the expected amount can leave it waiting forever; stepping, and
/// letting each step's work run before the next, cannot.
/// </summary>
internal static class FakeClock
{
    /// <param name="settle">How long (real time) each step's work may take before the clock moves on; it ends early once done.</param>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> done, string what, TimeSpan step, TimeSpan limit, TimeSpan? settle = null)
    {
        var moved = TimeSpan.Zero;
        while (!done())
        {
            if (moved >= limit)
            {
                Assert.Fail($"The clock moved {limit.TotalSeconds:0.###} s and still not: {what}.");
            }

            time.Advance(step);
            moved += step;
            var settled = DateTime.UtcNow + (settle ?? TimeSpan.FromMilliseconds(500));
            while (!done() && DateTime.UtcNow < settled)
            {
                await Task.Delay(5);
            }
        }
    }
}
