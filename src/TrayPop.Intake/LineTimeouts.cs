namespace TrayPop.Intake;

/// <summary>
/// The one timer of a line connection, as <see cref="LineReader"/> arms it before each read: <paramref name="Idle"/>
/// while no byte of the next line has arrived, <paramref name="Read"/> once one has (a line that dribbles in cannot
/// hold the connection). <paramref name="IdleChanged"/> is told which of the two it is.
/// </summary>
internal sealed record LineTimeouts(CancellationTokenSource Timer, TimeSpan Idle, TimeSpan Read, Action<bool>? IdleChanged = null);
