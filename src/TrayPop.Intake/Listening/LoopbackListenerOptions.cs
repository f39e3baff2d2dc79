namespace TrayPop.Intake.Listening;

/// <summary>What a <see cref="LoopbackListener"/> listens for.</summary>
/// <param name="Channel">The channel as the refusal log names it, e.g. <c>http</c> or <c>line</c>.</param>
/// <param name="Scheme">How a listening endpoint is logged, e.g. <c>http</c> for <c>http://127.0.0.1:47470</c>.</param>
/// <param name="Description">What listens there, logged after the endpoint, e.g. <c>HTTP intake</c>.</param>
/// <param name="Port">The loopback port (0 for any free one, as tests ask).</param>
/// <param name="MaxConnections">Open connections past which a new one is refused at once rather than queued.</param>
internal sealed record LoopbackListenerOptions(string Channel, string Scheme, string Description, int Port, int MaxConnections)
{
    /// <summary>The first pause after an accept fails; it doubles while failures repeat, up to <see cref="MaxAcceptBackoff"/>.</summary>
    public TimeSpan AcceptBackoff { get; init; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan MaxAcceptBackoff { get; init; } = TimeSpan.FromSeconds(1);
}
