namespace DataverseEmulator.WebApi;

/// <summary>Web API versions served; v9.0 to v9.2 behave alike for what TrayPop uses.</summary>
internal static class ApiVersions
{
    public static bool IsSupported(string version) => version is "v9.0" or "v9.1" or "v9.2";
}
