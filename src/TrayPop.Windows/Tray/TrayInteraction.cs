namespace TrayPop.Windows.Tray;

/// <summary>What the agent did to the tray icon or its balloon, as the platform reports it.</summary>
internal enum TrayInteraction
{
    /// <summary>Left click (or Enter) on the icon.</summary>
    IconSelected,

    /// <summary>The balloon itself was clicked.</summary>
    BalloonClicked,

    /// <summary>The balloon went away unclicked (timed out, or closed with its X).</summary>
    BalloonClosed,
}
