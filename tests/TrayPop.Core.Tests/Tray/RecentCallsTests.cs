using TrayPop.Core.Tray;

namespace TrayPop.Core.Tests.Tray;

public class RecentCallsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Snapshot_ReturnsNewestFirst()
    {
        var calls = new RecentCalls();
        calls.Add(Call(1));
        calls.Add(Call(2));

        Assert.Equal(["caller 2", "caller 1"], calls.Snapshot().Select(c => c.Caller));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest()
    {
        var calls = new RecentCalls();
        for (var i = 1; i <= 12; i++)
        {
            calls.Add(Call(i));
        }

        var snapshot = calls.Snapshot();
        Assert.Equal(RecentCalls.DefaultCapacity, snapshot.Count);
        Assert.Equal("caller 12", snapshot[0].Caller);
        Assert.Equal("caller 3", snapshot[^1].Caller);
    }

    [Fact]
    public void Add_SameCallIdAgain_ReplacesTheEarlierEntry()
    {
        var calls = new RecentCalls();
        calls.Add(Call(1) with { CallId = "abc" });
        calls.Add(Call(2));
        calls.Add(Call(3) with { CallId = "abc" });

        Assert.Equal(["caller 3", "caller 2"], calls.Snapshot().Select(c => c.Caller));
    }

    internal static RecentCall Call(int i) =>
        new(Start.AddMinutes(i), $"caller {i}", new Uri($"https://crm.example/main.aspx?pagetype=entityrecord&etn=contact&id={i}"));
}
