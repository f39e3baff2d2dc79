using System.Reflection;

namespace TrayPop.Tests.Support;

/// <summary>Where the build put traypop.dll (src/TrayPop's own output), recorded at build time.</summary>
internal static class BuiltTrayPop
{
    public static string Dll { get; } = typeof(BuiltTrayPop).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TrayPopDll").Value!;
}
