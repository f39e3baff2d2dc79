using TrayPop.Core.Pop;

namespace TrayPop.Core.Tests.Pop;

public class NotificationTests
{
    [Fact]
    public void Notification_EscapesWhatCameFromTheCrm()
    {
        var notification = new Notification("Jane\u202Eeoj\r\n\u001b[31m", "+1 425 555 0101 (contact) — click to open");

        Assert.Equal("Jane\\u202eeoj\\u000d\\u000a\\u001b[31m", notification.Title);
        Assert.Equal("+1 425 555 0101 (contact) — click to open", notification.Text);
    }

    [Fact]
    public void Notification_CutsAnEndlessName()
    {
        var notification = new Notification(new string('x', 10_000), "text");

        Assert.True(notification.Title.Length < Notification.MaxTitleLength + 20);
    }

    [Fact]
    public void Choice_EscapesTheRecordName()
    {
        var choice = new NotificationChoice("Tom\u202E Baker\r\n (contact)", new Uri("https://contoso.crm.dynamics.com/main.aspx"));

        Assert.Equal("Tom\\u202e Baker\\u000d\\u000a (contact)", choice.Label);
    }
}
