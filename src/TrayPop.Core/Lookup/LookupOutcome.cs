namespace TrayPop.Core.Lookup;

/// <summary>What a lookup found for a caller id.</summary>
internal enum LookupOutcome
{
    /// <summary>Exactly one record in the first entity that had any.</summary>
    Match,

    /// <summary>Several records in the first entity that had any (a shared switchboard, say).</summary>
    Multiple,

    /// <summary>No active record has the number.</summary>
    None,

    /// <summary>The caller withheld the number; nothing was looked up.</summary>
    Withheld,
}
