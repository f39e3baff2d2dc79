using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tests.Tray;

public class TrayStatusTests
{
    [Fact]
    public void State_WhenNothingIsWrong_IsReady()
    {
        Assert.Equal(TrayState.Ready, new TrayStatus().State);
    }

    [Fact]
    public void State_WhenPausedAndSignedOut_ShowsSignedOut()
    {
        var status = new TrayStatus();
        status.SetPaused(true);
        status.SetSignedOut(true);

        Assert.Equal(TrayState.SignedOut, status.State);
        Assert.True(status.IsPaused);
    }

    [Fact]
    public void State_WhenUnreachableClears_FallsBackToPaused()
    {
        var status = new TrayStatus();
        status.SetPaused(true);
        status.SetCrmUnreachable(true);
        status.SetCrmUnreachable(false);

        Assert.Equal(TrayState.Paused, status.State);
    }

    [Fact]
    public void Changed_IsRaisedOnlyWhenTheStateChanges()
    {
        var status = new TrayStatus();
        var raised = 0;
        status.Changed += (_, _) => raised++;

        status.SetPaused(true);
        status.SetPaused(true);
        status.SetSignedOut(false);

        Assert.Equal(1, raised);
    }

    [Theory]
    [InlineData((int)TrayState.Ready, (int)TrayIconKind.Ready)]
    [InlineData((int)TrayState.Paused, (int)TrayIconKind.Paused)]
    [InlineData((int)TrayState.SignedOut, (int)TrayIconKind.Warning)]
    [InlineData((int)TrayState.CrmUnreachable, (int)TrayIconKind.Error)]
    public void Appearance_ForEachState_HasItsIconAndAShortTooltip(int state, int icon)
    {
        // Ints because xunit needs public test methods and the tray types are internal.
        var appearance = TrayAppearance.For((TrayState)state);

        Assert.Equal((TrayIconKind)icon, appearance.Icon);
        Assert.StartsWith("TrayPop", appearance.Tooltip, StringComparison.Ordinal);
        Assert.InRange(appearance.Tooltip.Length, 1, TrayAppearance.MaxTooltipLength);
    }

    [Theory]
    [InlineData(CrmState.Unknown, TrayState.Ready)]
    [InlineData(CrmState.Reachable, TrayState.Ready)]
    [InlineData(CrmState.SignedOut, TrayState.SignedOut)]
    [InlineData(CrmState.Unreachable, TrayState.CrmUnreachable)]
    public void SetCrm_FollowsTheConnection(object crm, object expected)
    {
        var status = new TrayStatus();
        status.SetCrm(CrmState.Unreachable);

        status.SetCrm((CrmState)crm);

        Assert.Equal((TrayState)expected, status.State);
    }

    [Fact]
    public void SetCrm_FromSignedOutToUnreachable_ChangesOnce()
    {
        var status = new TrayStatus();
        status.SetCrm(CrmState.SignedOut);
        var changes = 0;
        status.Changed += (_, _) => changes++;

        status.SetCrm(CrmState.Unreachable);

        Assert.Equal(1, changes);
        Assert.Equal(TrayState.CrmUnreachable, status.State);
    }
}
