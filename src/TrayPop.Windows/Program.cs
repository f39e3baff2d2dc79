using TrayPop.Hosting.Cli;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;
using TrayPop.Windows;
using TrayPop.Windows.Configuration;

if (!WindowsPlatform.IsServiceStart(args))
{
    // pop, lookup and check talk to the running instance or to Dataverse; they are not the service.
    return await TrayPopCommandLine.RunAsync(args, WindowsPlatform.Create());
}

using var instance = SingleInstance.TryAcquire();
if (instance is null)
{
    // One TrayPop per Windows session. A start by hand (a shortcut, or the bare exe) asks the running one to show
    // itself; a Run-key or scripted start after a manual one just exits.
    if (SecondStart.ShouldAnnounce(args, SecondStartSignal.StartedFromShortcut()))
    {
        await SecondStartSignal.SendAsync(TimeProvider.System);
    }

    return 0;
}

// A start refused for a setting tells the agent in a message box instead of failing invisibly.
return await StartupProblem.RunAsync(args, WindowsPlatform.Create());
