namespace TrayPop.Core.Lookup;

/// <summary>How callers are found: <c>TrayPop:Lookup:Strategy</c>.</summary>
public enum LookupStrategy
{
    /// <summary>The phone-key index when it exists and is complete, else the pattern search.</summary>
    Auto,

    /// <summary>One indexed GET on the phone-key table (<c>tp_phonekeys</c>).</summary>
    Keys,

    /// <summary>The pattern <c>$batch</c> over the configured tables: fine for small organisations, a table scan on large ones.</summary>
    Pattern,
}
