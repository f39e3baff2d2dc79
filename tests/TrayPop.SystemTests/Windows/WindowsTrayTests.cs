using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DataverseEmulator;
using TrayPop.SystemTests.Support;
using TrayPop.Testing;

namespace TrayPop.SystemTests.Windows;

/// <summary>
/// The published win-x64 TrayPop.exe under Wine on a virtual X display: tray icon, an unknown
/// caller's balloon from a real call event, the click that opens the new-contact form, a caller two
/// contacts share (the click lists both, the one chosen opens), second starts, Pause greying the icon,
/// Check connection, Exit; each menu item chosen by its access key.
/// </summary>
[Trait("Category", "System")]
public sealed class WindowsTrayTests(ITestOutputHelper output)
{
    private const string UnknownNumber = "+14255550188";

    // Tom Baker and Sarah Lee, two contacts of the sample organisation, both store "(206) 555-0100".
    private const string SharedNumber = "+12065550100";
    private const string RunningBalloon = "TrayPop is running";

    // Wine's stand-alone tray: a window of 20-pixel cells (16-pixel icon plus border), ours in the first.
    private const string WineTrayTitle = "Wine System Tray";
    private const int TrayCell = 20;

    [SystemFact("wine", "wineserver", "Xvfb", "xdotool", "import", "convert")]
    public async Task Tray_UnderWine_NotifiesUnknownCaller_OpensFormOnClick_OffersAChoiceForASharedNumber_HandlesSecondStarts_PausesAndExitsFromMenu()
    {
        SystemTools.Require(SystemTools.Wine);
        var exe = await WindowsBuild.ExeAsync();
        await using var desktop = await WineDesktop.StartAsync();
        var log = new OutputLog();
        var port = FreePort.Next();
        // The emulator is a development tool the Windows build never carries: it runs here, on this side of Wine's loopback.
        await using var crm = await EmulatorServer.StartAsync(EmulatorSeed.Sample);
        string[] Run(int listenerPort) =>
            ["run", $"--TrayPop:Dataverse:Url={crm.BaseUri.AbsoluteUri.TrimEnd('/')}", "--TrayPop:Dataverse:Auth:Mode=None", $"--TrayPop:Listener:Port={listenerPort}",
             // The test's HTTP client is a Linux process: Wine's TCP table names no process for its socket (pid 0), so
             // the same-user check would refuse it (403). WindowsTraySameUserTests runs that check with a Windows client.
             "--TrayPop:Listener:AllowOtherUsers=true"];

        try
        {
            // The desktop owns (and disposes) the processes it starts.
            var tray = desktop.StartWine(exe, Run(port), log);

            // The icon is up, in the Ready colour (green).
            var trayWindow = await Eventually.Get(async () => await desktop.FindWindowAsync(WineTrayTitle) is { } r ? (object)r : null, "the Wine tray window");
            var (iconX, iconY) = Centre((Rectangle)trayWindow);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await Eventually.True(async () => await IsHealthyAsync(http), "TrayPop's intake to answer /health");
            var ready = await desktop.PixelAsync(iconX, iconY);
            Assert.True(ready.G > ready.R + 40 && ready.G > ready.B + 40, $"icon should be green when ready, was {ready}");
            output.WriteLine("tray icon: " + await desktop.ScreenshotAsync("tray-ready.png"));

            // A real call event for a number the CRM does not know: a balloon offers to create a contact.
            using var reply = await http.GetAsync(new Uri($"call?number={Uri.EscapeDataString(UnknownNumber)}&type=inbound", UriKind.Relative));
            var body = await reply.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
            Assert.Contains("\"action\":\"notify\"", body, StringComparison.Ordinal);
            var balloonArea = new Rectangle(0, iconY + 15, 300, 50);
            await Eventually.True(async () => await desktop.BrightnessAsync(balloonArea) > 0.5, "the balloon to appear under the icon");
            output.WriteLine("balloon: " + await desktop.ScreenshotAsync("tray-balloon.png"));
            Assert.Empty(desktop.LaunchedUrls());

            // Wine's tray never reports a click on the balloon itself (no NIN_BALLOONUSERCLICK), so click
            // the icon: shortly after a notification that opens its page too.
            await desktop.ClickAsync(iconX, iconY, button: 1);
            var launched = await Eventually.Get(() => Task.FromResult(desktop.LaunchedUrls() is [var first, ..] ? first : null), "the browser to be asked for the new-contact form");
            Assert.Contains("pagetype=entityrecord", launched, StringComparison.Ordinal);
            Assert.Contains("etn=contact", launched, StringComparison.Ordinal);
            Assert.Contains("14255550188", launched, StringComparison.Ordinal);

            // Two records share a number: a balloon says so, nothing opens by itself, and the click lists both.
            using var shared = await http.GetAsync(new Uri($"call?number={Uri.EscapeDataString(SharedNumber)}&type=inbound", UriKind.Relative));
            using var sharedReply = JsonDocument.Parse(await shared.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Accepted, shared.StatusCode);
            Assert.Equal("notified", sharedReply.RootElement.GetProperty("status").GetString());
            Assert.Equal("choose", sharedReply.RootElement.GetProperty("action").GetString());
            Assert.Equal(2, sharedReply.RootElement.GetProperty("count").GetInt32());
            var wanted = sharedReply.RootElement.GetProperty("matches")[1];
            await Eventually.True(() => Task.FromResult(log.Contains("Balloon shown: 2 records match")), "the balloon offering a choice");
            Assert.Single(desktop.LaunchedUrls());

            await desktop.ClickAsync(iconX, iconY, button: 1);
            var menuArea = MenuArea(iconX, iconY);
            await Eventually.True(async () => await desktop.BrightnessAsync(menuArea) > 0.5, "the menu of the matching records to open");
            output.WriteLine("chooser: " + await desktop.ScreenshotAsync("tray-chooser.png"));
            // The second record (access key 2) is the one the agent wants: that record opens, and only it.
            await desktop.KeysAsync("2");
            var chosen = await Eventually.Get(() => Task.FromResult(desktop.LaunchedUrls() is [_, var url] ? url : null), "the browser to be asked for the chosen record");
            Assert.Contains("pagetype=entityrecord&etn=contact", chosen, StringComparison.Ordinal);
            Assert.Contains("id=" + wanted.GetProperty("id").GetString(), chosen, StringComparison.Ordinal);
            Assert.Equal("Sarah Lee", wanted.GetProperty("name").GetString());

            // The start-up WhoAmI found the emulator.
            await Eventually.True(() => Task.FromResult(log.Contains("Connection check at start: Reachable")), "the WhoAmI at start");

            // One TrayPop per session: a scripted second start (a verb, settings) exits at once and leaves the first alone.
            var second = desktop.StartWine(exe, Run(FreePort.Next()), new OutputLog());
            await Eventually.True(() => second.HasExited, "the second start to exit");
            Assert.Equal(0, second.ExitCode);
            Assert.False(tray.HasExited);
            Assert.False(log.Contains(RunningBalloon));

            // A start by hand (the bare exe) exits too, and the first says it is there.
            var byHand = desktop.StartWine(exe, [], new OutputLog());
            await Eventually.True(() => byHand.HasExited, "the start by hand to exit");
            Assert.Equal(0, byHand.ExitCode);
            await Eventually.True(() => Task.FromResult(log.Contains(RunningBalloon)), "the running instance's balloon");

            // Pause pops (access key P) greys the icon.
            await OpenMenuAsync(desktop, iconX, iconY);
            await desktop.KeysAsync("p");
            await Eventually.True(async () => IsGrey(await desktop.PixelAsync(iconX, iconY)), "the icon to turn grey when paused");
            output.WriteLine("paused: " + await desktop.ScreenshotAsync("tray-paused.png"));

            // Check connection (access key N) runs WhoAmI and says so.
            await OpenMenuAsync(desktop, iconX, iconY);
            await desktop.KeysAsync("n");
            await Eventually.True(() => Task.FromResult(log.Contains("Check connection: Reachable")), "Check connection to answer");

            // Exit (access key X).
            await OpenMenuAsync(desktop, iconX, iconY);
            output.WriteLine("menu: " + await desktop.ScreenshotAsync("tray-menu.png"));
            await desktop.KeysAsync("x");

            await Eventually.True(() => tray.HasExited, "TrayPop to exit from its menu");
            Assert.Equal(0, tray.ExitCode);
            await Eventually.True(async () => await desktop.FindWindowAsync(WineTrayTitle) is null, "the tray icon to go away");
        }
        finally
        {
            output.WriteLine("TrayPop output:\n" + log);
        }
    }

    private static Rectangle MenuArea(int iconX, int iconY) => new(iconX + 5, 0, 100, Math.Max(iconY - 5, 10));

    private static async Task OpenMenuAsync(WineDesktop desktop, int iconX, int iconY)
    {
        var menuArea = MenuArea(iconX, iconY);
        // The menu before must be gone, or the check below would find it instead of this one.
        await Eventually.True(async () => await desktop.BrightnessAsync(menuArea) < 0.5, "the previous tray menu to close");
        await desktop.ClickAsync(iconX, iconY, button: 3);
        await Eventually.True(async () => await desktop.BrightnessAsync(menuArea) > 0.5, "the tray menu to open");
    }

    private static bool IsGrey((int R, int G, int B) pixel) =>
        Math.Abs(pixel.R - pixel.G) < 40 && Math.Abs(pixel.G - pixel.B) < 40 && pixel.R > 60;

    private static (int X, int Y) Centre(Rectangle trayWindow) => (trayWindow.X + (TrayCell / 2), trayWindow.Y + (TrayCell / 2));

    private static async Task<bool> IsHealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

}
