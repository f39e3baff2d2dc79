namespace DataverseEmulator.Diagnostics;

/// <summary>The Web API requests received, so tests can assert how many round trips the product made.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _requests = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public void Record(string method, string pathAndQuery)
    {
        lock (_gate)
        {
            _requests.Add(method + " " + pathAndQuery);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
