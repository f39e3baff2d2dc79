using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;

namespace TrayPop.Core.Tests.Connectivity;

public class CrmStatusTests
{
    [Fact]
    public void State_AtStart_IsUnknown()
    {
        Assert.Equal(CrmState.Unknown, new CrmStatus().State);
    }

    [Fact]
    public void Report_OnlyAChange_RaisesChanged()
    {
        var status = new CrmStatus();
        var changes = 0;
        status.Changed += (_, _) => changes++;

        status.Report(CrmState.Reachable);
        status.Report(CrmState.Reachable);
        status.Report(CrmState.SignedOut);

        Assert.Equal(2, changes);
        Assert.Equal(CrmState.SignedOut, status.State);
    }
}
