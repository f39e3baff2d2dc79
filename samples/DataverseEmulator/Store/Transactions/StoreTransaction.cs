namespace DataverseEmulator.Store.Transactions;

/// <summary>
/// The writes of one $batch change set, recorded as they happen so a failure can undo exactly them (other
/// requests' writes meanwhile are left alone). Ambient for the async flow that began it.
/// </summary>
internal sealed class StoreTransaction : IDisposable
{
    private static readonly AsyncLocal<StoreTransaction?> Ambient = new();
    private readonly List<UndoStep> _steps = [];
    private readonly StoreTransaction? _outer;

    private StoreTransaction(StoreTransaction? outer) => _outer = outer;

    public static StoreTransaction? Current => Ambient.Value;

    public static StoreTransaction Begin()
    {
        var transaction = new StoreTransaction(Ambient.Value);
        Ambient.Value = transaction;
        return transaction;
    }

    public void Record(UndoStep step) => _steps.Add(step);

    /// <summary>Undoes every recorded write, newest first.</summary>
    public void Rollback()
    {
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            _steps[i].Table.Undo(_steps[i]);
        }

        _steps.Clear();
    }

    public void Dispose() => Ambient.Value = _outer;
}
