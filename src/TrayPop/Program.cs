using TrayPop.Hosting;
using TrayPop.Hosting.Cli;

return await TrayPopCommandLine.RunAsync(args, TrayPopPlatform.Headless);
