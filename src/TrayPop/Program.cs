using TrayPop;
using TrayPop.Core.Cli;
using TrayPop.Core.Hosting;

return await TrayPopCommandLine.RunAsync(args, new TrayPopPlatform { StartDemoCrm = DemoEmulator.StartAsync });
