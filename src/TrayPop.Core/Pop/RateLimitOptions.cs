namespace TrayPop.Core.Pop;

/// <summary>At most <see cref="Pops"/> pops <see cref="Per"/> period, so a burst of events cannot open a stack of tabs.</summary>
internal sealed class RateLimitOptions
{
    public int Pops { get; set; } = 5;

    public TimeSpan Per { get; set; } = TimeSpan.FromSeconds(10);
}
