namespace DataverseEmulator;

/// <summary>
/// What the emulated organisation has done since start or the last reset: Web API requests (a $batch is one),
/// rows read by scanning whole tables, and rows reached through an index seek. Served as <c>GET /_emulator/stats</c>.
/// </summary>
public sealed record EmulatorStats(long Requests, long RowsScanned, long RowsSeeked);
