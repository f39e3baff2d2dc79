namespace TrayPop.SystemTests.Support;

/// <summary>
/// A fact that needs outside programs: skipped, with the reason, when one is missing, unless
/// <c>TRAYPOP_SYSTEM_TESTS=required</c>, in which case it runs and fails on the missing tool.
/// (xunit 2 has no dynamic skip inside a test; the attribute decides at discovery.)
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SystemFactAttribute : FactAttribute
{
    public SystemFactAttribute(params string[] tools)
    {
        Tools = tools;
        var missing = SystemTools.Missing(tools);
        if (SystemTools.Off)
        {
            Skip = $"tier-2 system test, off for this run ({SystemTools.RequiredVariable}=off); .ci/run runs it separately";
        }
        else if (missing.Count > 0 && !SystemTools.Required)
        {
            Skip = $"needs {string.Join(", ", missing)} (install with scripts/ci-system-deps.sh; set {SystemTools.RequiredVariable}=required to fail instead)";
        }
    }

    public IReadOnlyList<string> Tools { get; }
}
