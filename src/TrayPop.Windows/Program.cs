using TrayPop.Core.Cli;
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
    // One TrayPop per Windows session; a second start (a Run-key start after a manual one) just exits.
    return 0;
}

// A start refused for a setting stays in the tray, signed out, saying what is wrong.
return await StartupProblem.RunAsync(args, WindowsPlatform.Create());
