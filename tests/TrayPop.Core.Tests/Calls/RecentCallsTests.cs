using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;

namespace TrayPop.Core.Tests.Calls;

public class RecentCallsTests
{

    [Fact]
    public void Snapshot_ReturnsNewestFirst()
    {
        var calls = new RecentCalls();
        calls.Add(Callers.Recent(1));
        calls.Add(Callers.Recent(2));

        Assert.Equal(["caller 2", "caller 1"], calls.Snapshot().Select(c => c.Caller));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest()
    {
        var calls = new RecentCalls();
        for (var i = 1; i <= 12; i++)
        {
            calls.Add(Callers.Recent(i));
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
        calls.Add(Callers.Recent(1) with { CallId = "abc" });
        calls.Add(Callers.Recent(2));
        calls.Add(Callers.Recent(3) with { CallId = "abc" });

        Assert.Equal(["caller 3", "caller 2"], calls.Snapshot().Select(c => c.Caller));
    }
}
