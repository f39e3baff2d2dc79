using Microsoft.Extensions.Options;
using TrayPop.Core.Pop;

namespace TrayPop.Core.Calls;

/// <summary>A sliding window of recent pops; a burst beyond the configured rate is refused, not queued.</summary>
internal sealed class PopRateLimiter(IOptions<PopOptions> options, TimeProvider time)
{
    private readonly RateLimitOptions _limit = options.Value.RateLimit;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();

    public bool TryAcquire()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= _limit.Per)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= _limit.Pops)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }
}
