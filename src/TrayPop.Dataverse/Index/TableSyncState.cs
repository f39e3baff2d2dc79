namespace TrayPop.Dataverse.Index;

/// <summary>Where one table's sync stands: the link to read next, and when it last finished.</summary>
internal sealed class TableSyncState
{
    /// <summary>The change-tracking delta link of the last finished read; null until the first backfill finishes.</summary>
    public string? DeltaLink { get; set; }

    /// <summary>The next page of a read in progress (backfill or delta), so a killed sync resumes there.</summary>
    public string? NextLink { get; set; }

    /// <summary>A full read is under way (the first, or after a refused delta link): keys of records it never meets are deleted at its end.</summary>
    public bool Backfilling { get; set; }

    /// <summary>Rows read by the backfill in progress (for progress after a resume).</summary>
    public long BackfillRows { get; set; }

    public DateTimeOffset? LastSync { get; set; }

    public long Keys { get; set; }
}
