using DataverseEmulator.Hosting;

return await StandaloneHost.RunAsync(args);
