using TrayPop.Core.Journal;

namespace TrayPop.Hosting.Journal;

/// <summary>One call in the outbox and where its sending stands.</summary>
/// <param name="Written">The upsert went through; only the close is left.</param>
internal sealed record OutboxRow(JournaledCall Call, bool Written, int Attempts);
