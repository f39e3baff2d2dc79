using TrayPop.Windows;

return await WindowsProgram.RunAsync(args);
