using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tests.Tray;

public class TrayMenuModelTests
{
    [Fact]
    public void Build_WhenRunning_OffersPauseCheckLogAndExit()
    {
        var menu = TrayMenuModel.Build(TrayState.Ready, paused: false, [], TimeZoneInfo.Utc);

        var commands = TrayMenuModel.Flatten(menu).Select(i => i.Command).OfType<TrayCommand>().ToList();
        Assert.Equal(
            [TrayCommand.PausePops, TrayCommand.CheckConnection, TrayCommand.OpenLogFolder, TrayCommand.Exit],
            commands);
        Assert.Equal("E&xit", menu[^1].Text);
    }

    [Fact]
    public void Build_WhenPaused_OffersResume()
    {
        var menu = TrayMenuModel.Build(TrayState.Paused, paused: true, [], TimeZoneInfo.Utc);

        Assert.Contains(menu, i => i.Command == TrayCommand.ResumePops && i.Text == "&Resume pops");
        Assert.DoesNotContain(menu, i => i.Command == TrayCommand.PausePops);
    }

    [Fact]
    public void Build_FirstItem_SaysTheStateAndDoesNothing()
    {
        var menu = TrayMenuModel.Build(TrayState.CrmUnreachable, paused: false, [], TimeZoneInfo.Utc);

        Assert.Equal("Dynamics 365 unreachable", menu[0].Text);
        Assert.False(menu[0].IsEnabled);
    }

    [Fact]
    public void Build_WithoutRecentCalls_ShowsADisabledPlaceholder()
    {
        var menu = TrayMenuModel.Build(TrayState.Ready, paused: false, [], TimeZoneInfo.Utc);

        var placeholder = Assert.Single(menu, i => i.Text == TrayMenuModel.NoRecentCallsText);
        Assert.False(placeholder.IsEnabled);
    }

    [Fact]
    public void Build_WithRecentCalls_EachReopensItsPage()
    {
        var calls = new RecentCalls();
        for (var i = 1; i <= 11; i++)
        {
            calls.Add(Callers.Recent(i));
        }

        var menu = TrayMenuModel.Build(TrayState.Ready, paused: false, calls.Snapshot(), TimeZoneInfo.Utc);

        var recent = Assert.Single(menu, i => i.Text == TrayMenuModel.RecentCallsText);
        Assert.Equal(10, recent.Children!.Count);
        Assert.Equal(TrayCommandKind.OpenUrl, recent.Children[0].Command!.Kind);
        Assert.EndsWith("id=11", recent.Children[0].Command!.Url!.Query, StringComparison.Ordinal);
        Assert.Contains("caller 11", recent.Children[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RecentCall_ShowsLocalTimeAndEscapesAmpersands()
    {
        var call = new RecentCall(
            new DateTimeOffset(2025, 3, 4, 9, 5, 0, TimeSpan.Zero),
            "Smith & Sons",
            new Uri("https://crm.example/main.aspx?id=1"));
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");

        var menu = TrayMenuModel.Build(TrayState.Ready, paused: false, [call], zone);

        var item = menu.Single(i => i.Text == TrayMenuModel.RecentCallsText).Children!.Single();
        Assert.Contains("Smith && Sons", item.Text, StringComparison.Ordinal);
        Assert.Contains(new DateTime(2025, 3, 4, 11, 5, 0).ToString("t", System.Globalization.CultureInfo.CurrentCulture), item.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RecentChooserCall_OffersItsRecordsAgain()
    {
        var tom = new Uri("https://crm.example/main.aspx?id=1");
        var sarah = new Uri("https://crm.example/main.aspx?id=2");
        var call = new RecentCall(DateTimeOffset.UnixEpoch, "+1 206-555-0100 (2 matches)", null, "c9", [new("Tom Baker (contact)", tom), new("Sarah Lee (contact)", sarah)]);

        var menu = TrayMenuModel.Build(TrayState.Ready, paused: false, [call], TimeZoneInfo.Utc);

        var item = menu.Single(i => i.Text == TrayMenuModel.RecentCallsText).Children!.Single();
        Assert.Null(item.Command);
        Assert.Equal(["&1  Tom Baker (contact)", "&2  Sarah Lee (contact)"], item.Children!.Select(c => c.Text));
        Assert.Equal([TrayCommand.Open(tom), TrayCommand.Open(sarah)], item.Children!.Select(c => c.Command));
    }

    [Fact]
    public void Flatten_PutsSubmenuItemsAfterTheirParent()
    {
        var child = new TrayMenuItem("child", TrayCommand.Exit);
        var parent = new TrayMenuItem("parent", Children: [child]);
        var last = new TrayMenuItem("last", TrayCommand.OpenLogFolder);

        Assert.Equal([parent, child, last], TrayMenuModel.Flatten([parent, last]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_EveryCommand_HasItsOwnAccessKey(bool paused)
    {
        var calls = new RecentCalls();
        calls.Add(Callers.Recent(1));

        var menu = TrayMenuModel.Build(TrayState.Ready, paused, calls.Snapshot(), TimeZoneInfo.Utc);

        var keys = menu.Where(i => i.IsEnabled).Select(i => AccessKey(i.Text)).ToList();
        Assert.All(keys, k => Assert.NotNull(k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(paused ? 'r' : 'p', keys[0]);
        Assert.Equal('x', AccessKey(menu[^1].Text));
    }

    /// <summary>The letter after a single '&amp;', as Win32 menus read it; null when there is none.</summary>
    private static char? AccessKey(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '&')
            {
                if (text[i + 1] != '&')
                {
                    return char.ToLowerInvariant(text[i + 1]);
                }

                i++;
            }
        }

        return null;
    }

    [Fact]
    public void Chooser_SaysWhatMatchedThenNumbersEachRecordAndEscapesAmpersands()
    {
        var tom = new Uri("https://crm.example/main.aspx?pagetype=entityrecord&etn=contact&id=1");
        var smith = new Uri("https://crm.example/main.aspx?pagetype=entityrecord&etn=account&id=2");
        var notification = new Core.Pop.Notification("2 records match", "2 records match +1 206 555 0100", null,
            [new("Tom Baker (contact)", tom), new("Smith & Sons (account)", smith)]);

        var menu = TrayMenuModel.Chooser(notification);

        Assert.Equal("2 records match +1 206 555 0100", menu[0].Text);
        Assert.False(menu[0].IsEnabled);
        Assert.True(menu[1].IsSeparator);
        Assert.Equal("&1  Tom Baker (contact)", menu[2].Text);
        Assert.Equal(TrayCommand.Open(tom), menu[2].Command);
        Assert.Equal("&2  Smith && Sons (account)", menu[3].Text);
        Assert.Equal(TrayCommand.Open(smith), menu[3].Command);
    }
}
