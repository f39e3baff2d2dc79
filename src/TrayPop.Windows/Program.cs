using TrayPop.Core.Cli;
using TrayPop.Windows;

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

return await TrayPopCommandLine.RunAsync(args, WindowsPlatform.Create());
