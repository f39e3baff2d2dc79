using TrayPop.Core.Calls;
using TrayPop.Core.Journal;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tests.Tray;

/// <summary>The journal in the tray: the tooltip's waiting line and the logged mark in Recent calls.</summary>
public sealed class TrayJournalTests
{
    [Fact]
    public void Tooltip_WhileCallsWait_SaysHowMany()
    {
        var journal = new JournalStatus { Enabled = true };
        journal.SetWaiting(3, DateTimeOffset.UnixEpoch);

        var tip = TrayAppearance.For(TrayState.Ready).WithLine(journal.WaitingText()).Tooltip;

        Assert.Equal("TrayPop: ready for calls\n3 calls waiting to be logged", tip);
    }

    [Fact]
    public void Tooltip_NothingWaiting_IsUnchanged()
    {
        var journal = new JournalStatus { Enabled = true };

        Assert.Equal(TrayAppearance.For(TrayState.Ready), TrayAppearance.For(TrayState.Ready).WithLine(journal.WaitingText()));
    }

    [Fact]
    public void RecentCalls_MarkTheLoggedOnes()
    {
        var journal = new JournalStatus { Enabled = true };
        journal.MarkLogged("c1");
        RecentCall[] recent =
        [
            new(DateTimeOffset.UnixEpoch, "Jane Doe", new Uri("https://crm.example/1"), "c1"),
            new(DateTimeOffset.UnixEpoch, "John Roe", new Uri("https://crm.example/2"), "c2"),
        ];

        var menu = TrayMenuModel.Build(TrayState.Ready, paused: false, recent, TimeZoneInfo.Utc, journal.IsLogged);

        var calls = menu.Single(i => i.Text == TrayMenuModel.RecentCallsText).Children!;
        Assert.EndsWith("Jane Doe  (logged)", calls[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("John Roe", calls[1].Text, StringComparison.Ordinal);
    }
}
