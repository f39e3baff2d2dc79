using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Dataverse;
using TrayPop.Dataverse.Auth;
using TrayPop.Windows.Tray;

namespace TrayPop.Windows.Tests.Tray;

/// <summary>
/// The tray's window is handed to MSAL as the broker's parent. What runs here is the registration and the hand-over;
/// the broker itself (WAM) runs only on Windows and has not been exercised on this Linux machine.
/// </summary>
public sealed class TraySignInWindowTests
{
    [Fact]
    public void Handle_IsTheTraysWindow_ReadWhenASignInAsks()
    {
        nint tray = 0;
        var window = new TraySignInWindow(() => tray);

        Assert.Equal(IntPtr.Zero, window.Handle);
        tray = 0x1234;
        Assert.Equal((IntPtr)0x1234, window.Handle);
    }

    [Fact]
    public void WindowsTray_RegistersTheSignInWindow_AndInteractiveSignInIsGivenIt()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new DataverseOptions
        {
            Url = "https://contoso.crm.dynamics.com",
            Auth = new DataverseAuthOptions { Mode = DataverseAuthMode.Interactive, ClientId = "0f3a1c2e-1111-4222-8333-444455556666", PersistTokenCache = false },
        }));
        services.AddSingleton(Options.Create(new Core.Pop.PopOptions()));
        services.AddDataverseClient();
        services.AddWindowsTray();
        using var provider = services.BuildServiceProvider();

        // Resolving it does not create the tray's window (that needs Windows); reading the handle would.
        var window = provider.GetRequiredService<ISignInWindow>();
        var source = Assert.IsType<CachingTokenSource>(provider.GetRequiredService<IAccessTokenSource>());
        var acquirer = Assert.IsType<MsalPublicClientAcquirer>(source.Acquirer);

        Assert.IsType<TraySignInWindow>(window);
        Assert.Same(window, acquirer.SignInWindow);
    }
}
