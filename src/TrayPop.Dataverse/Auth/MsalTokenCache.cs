using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Extensions.Msal;

using TrayPop.Dataverse.Diagnostics;

namespace TrayPop.Dataverse.Auth;

/// <summary>
/// Persists MSAL's user token cache per user, encrypted: DPAPI on Windows, the Keychain on macOS, the Secret Service
/// keyring (libsecret) on Linux. Where no encryption is available (a Linux session without a keyring) the cache stays
/// in memory and a warning says so: the agent signs in again after a restart, and no token is ever written in clear.
/// </summary>
internal static class MsalTokenCache
{
    public const string FileName = "traypop.msal.cache";

    public static string Directory(DataverseAuthOptions auth) =>
        string.IsNullOrEmpty(auth.CacheDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TrayPop")
            : auth.CacheDirectory;

    /// <returns>True when the cache is persisted encrypted; false when it stays in memory.</returns>
    public static async Task<bool> AttachAsync(ITokenCache cache, DataverseAuthOptions auth, ILogger logger)
    {
        if (!auth.PersistTokenCache)
        {
            Log.TokenCacheInMemory(logger, "TrayPop:Dataverse:Auth:PersistTokenCache is false");
            return false;
        }

        var directory = Directory(auth);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var properties = new StorageCreationPropertiesBuilder(FileName, directory)
                .WithMacKeyChain("TrayPop", "Dataverse sign-in")
                .WithLinuxKeyring(
                    "org.traypop.tokencache",
                    MsalCacheHelper.LinuxKeyRingDefaultCollection,
                    "TrayPop Dataverse sign-in",
                    new KeyValuePair<string, string>("Application", "TrayPop"),
                    new KeyValuePair<string, string>("Version", "1"))
                .Build();
            var helper = await MsalCacheHelper.CreateAsync(properties);
            // Throws where the platform cannot encrypt (no keyring): better to sign in again than to store a token in clear.
            helper.VerifyPersistence();
            helper.RegisterCache(cache);
            Log.TokenCachePersisted(logger, directory);
            return true;
        }
        catch (Exception ex) when (ex is MsalCachePersistenceException or IOException or UnauthorizedAccessException or PlatformNotSupportedException
            or DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            Log.TokenCacheInMemory(logger, ex.Message);
            return false;
        }
    }
}
