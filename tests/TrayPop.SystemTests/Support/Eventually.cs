namespace TrayPop.SystemTests.Support;

/// <summary>Polls for a condition until a generous deadline: outside programs take their time, tests never sleep for it.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        using var timeout = new CancellationTokenSource(deadline ?? DefaultDeadline);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {(deadline ?? DefaultDeadline).TotalSeconds:0} s.");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? deadline = null) =>
        Get<object>(async () => await condition() ? new object() : null, what, deadline);

    public static Task True(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        True(() => Task.FromResult(condition()), what, deadline);
}
