namespace TrayPop.Windows.Tray;

/// <summary>The icon and tooltip for a <see cref="TrayState"/>.</summary>
internal sealed record TrayAppearance(TrayIconKind Icon, string Tooltip)
{
    /// <summary>Windows cuts tray tooltips at 127 characters (NOTIFYICONDATAW.szTip).</summary>
    public const int MaxTooltipLength = 127;

    public static TrayAppearance For(TrayState state) => state switch
    {
        TrayState.Ready => new(TrayIconKind.Ready, "TrayPop: ready for calls"),
        TrayState.Paused => new(TrayIconKind.Paused, "TrayPop: paused, calls do not open records"),
        TrayState.SignedOut => new(TrayIconKind.Warning, "TrayPop: signed out of Dynamics 365"),
        TrayState.CrmUnreachable => new(TrayIconKind.Error, "TrayPop: Dynamics 365 cannot be reached"),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The tooltip with a second line (e.g. "3 calls waiting to be logged"), within Windows' length.</summary>
    public TrayAppearance WithLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return this;
        }

        var tip = $"{Tooltip}\n{line}";
        return this with { Tooltip = tip.Length > MaxTooltipLength ? tip[..MaxTooltipLength] : tip };
    }
}
