using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Pop;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tests.Tray;

public class PendingNotificationTests
{
    private static readonly Uri NewContactForm = new("https://crm.example/main.aspx?pagetype=entityrecord&etn=contact");

    private readonly FakeTimeProvider time = new();

    [Fact]
    public void BalloonClick_OpensTheNotificationPageOnce()
    {
        var pending = new PendingNotification(time);
        pending.Shown(new Notification("Unknown caller", "+1 425 555 0100", NewContactForm));

        Assert.Equal(TrayCommand.Open(NewContactForm), pending.Resolve(TrayInteraction.BalloonClicked));
        Assert.Null(pending.Resolve(TrayInteraction.BalloonClicked));
    }

    [Fact]
    public void IconClick_SoonAfterTheBalloon_OpensItsPage()
    {
        var pending = new PendingNotification(time);
        pending.Shown(new Notification("Unknown caller", "+1 425 555 0100", NewContactForm));
        pending.Resolve(TrayInteraction.BalloonClosed);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TrayCommand.Open(NewContactForm), pending.Resolve(TrayInteraction.IconSelected));
    }

    [Fact]
    public void IconClick_LongAfterTheBalloon_DoesNothing()
    {
        var pending = new PendingNotification(time);
        pending.Shown(new Notification("Unknown caller", "+1 425 555 0100", NewContactForm));
        time.Advance(PendingNotification.IconClickWindow + TimeSpan.FromSeconds(1));

        Assert.Null(pending.Resolve(TrayInteraction.IconSelected));
        Assert.Equal(TrayCommand.Open(NewContactForm), pending.Resolve(TrayInteraction.BalloonClicked));
    }

    [Fact]
    public void Click_OnANotificationWithoutPage_DoesNothing()
    {
        var pending = new PendingNotification(time);
        pending.Shown(new Notification("Signed out", "Sign in again from the menu", null));

        Assert.Null(pending.Resolve(TrayInteraction.BalloonClicked));
    }

    [Fact]
    public void NewNotification_ReplacesTheOldPage()
    {
        var pending = new PendingNotification(time);
        pending.Shown(new Notification("First", "a", new Uri("https://crm.example/1")));
        pending.Shown(new Notification("Second", "b", NewContactForm));

        Assert.Equal(NewContactForm, pending.Resolve(TrayInteraction.BalloonClicked)!.Url);
    }

    [Fact]
    public void Click_OnAChooser_OffersEachRecordAndStaysPending()
    {
        var pending = new PendingNotification(time);
        pending.Shown(Chooser());

        var command = pending.Resolve(TrayInteraction.IconSelected);

        Assert.Equal(TrayCommandKind.Choose, command!.Kind);
        Assert.Equal([Tom, Sarah], command.Menu!.Where(i => i.Command is not null).Select(i => i.Command!.Url));
        // A menu closed by mistake can be opened again.
        Assert.Equal(TrayCommandKind.Choose, pending.Resolve(TrayInteraction.BalloonClicked)!.Kind);
    }

    [Fact]
    public void Chooser_IsReplacedByTheNextNotification()
    {
        var pending = new PendingNotification(time);
        pending.Shown(Chooser());
        pending.Shown(new Notification("Unknown caller", "+1 425 555 0100", NewContactForm));

        Assert.Equal(TrayCommand.Open(NewContactForm), pending.Resolve(TrayInteraction.BalloonClicked));
    }

    private static readonly Uri Tom = new("https://crm.example/main.aspx?pagetype=entityrecord&etn=contact&id=1");
    private static readonly Uri Sarah = new("https://crm.example/main.aspx?pagetype=entityrecord&etn=contact&id=2");

    private static Notification Chooser() =>
        new("2 records match", "2 records match +1 206 555 0100", null, [new("Tom Baker (contact)", Tom), new("Sarah Lee (contact)", Sarah)]);
}
