using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tests.Tray;

public class SecondStartTests
{
    [Fact]
    public void ShouldAnnounce_BareStart_ShowsTheRunningInstance()
    {
        Assert.True(SecondStart.ShouldAnnounce([], fromShortcut: false));
    }

    [Fact]
    public void ShouldAnnounce_FromAShortcutWithRun_ShowsTheRunningInstance()
    {
        // The MSI's Start menu shortcut runs "TrayPop.exe run".
        Assert.True(SecondStart.ShouldAnnounce(["run"], fromShortcut: true));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "--TrayPop:Dataverse:Url=https://contoso.crm.dynamics.com")]
    [InlineData("--TrayPop:Listener:Port=5000")]
    public void ShouldAnnounce_RunKeyOrScriptedStart_StaysSilent(params string[] args)
    {
        Assert.False(SecondStart.ShouldAnnounce(args, fromShortcut: false));
    }

    [Theory]
    [InlineData(TrayState.Ready, "Ready for calls")]
    [InlineData(TrayState.Paused, "paused")]
    [InlineData(TrayState.SignedOut, "Signed out")]
    [InlineData(TrayState.CrmUnreachable, "cannot be reached")]
    public void Announcement_SaysTheStateAndWhereTheMenuIs(object state, string says)
    {
        var notification = SecondStart.Announcement((TrayState)state);

        Assert.Equal(SecondStart.Title, notification.Title);
        Assert.Contains(says, notification.Text, StringComparison.Ordinal);
        Assert.Contains("Right-click", notification.Text, StringComparison.Ordinal);
        Assert.Null(notification.ClickUrl);
    }
}
