using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;

namespace TrayPop.Core.Tests.Calls;

public sealed class LookupBudgetTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private int _started;

    private static CallerId Number(int i) => new(CallerIdKind.Number, $"+1425555{i:0000}", $"425555{i:0000}", $"+1 425-555-{i:0000}");

    private Func<Task<LookupResult>> Start(TaskCompletionSource<LookupResult>? pending = null) => () =>
    {
        _started++;
        return pending?.Task ?? Task.FromResult(LookupResult.From(CallerId.Withheld, []));
    };

    [Fact]
    public void RingFlood_IsShedAtHalfTheBucket_AndAnswersStillGetTheRest()
    {
        var budget = new LookupBudget(10, _time);

        var rings = Enumerable.Range(0, 50).Count(i => budget.TryStart(Number(i), CallPhase.Ring, Start()) is not null);
        var answers = Enumerable.Range(100, 50).Count(i => budget.TryStart(Number(i), CallPhase.Answer, Start()) is not null);
        var now = budget.TryStart(Number(200), CallPhase.Now, Start());

        Assert.Equal(5, rings);
        Assert.Equal(5, answers);
        Assert.Null(now);
        Assert.Equal(10, _started);
    }

    [Fact]
    public void Budget_RefillsWithTime_UpToOneSecondsWorth()
    {
        var budget = new LookupBudget(10, _time);
        Enumerable.Range(0, 10).ToList().ForEach(i => budget.TryStart(Number(i), CallPhase.Answer, Start()));
        Assert.Null(budget.TryStart(Number(10), CallPhase.Answer, Start()));

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.NotNull(budget.TryStart(Number(11), CallPhase.Answer, Start()));
        Assert.Null(budget.TryStart(Number(12), CallPhase.Answer, Start()));

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(10, Enumerable.Range(20, 30).Count(i => budget.TryStart(Number(i), CallPhase.Answer, Start()) is not null));
    }

    [Fact]
    public void SameNumber_WhileItsLookupRuns_JoinsIt_WithoutSpendingTheBudget()
    {
        var budget = new LookupBudget(2, _time);
        var pending = new TaskCompletionSource<LookupResult>();

        var first = budget.TryStart(Number(1), CallPhase.Answer, Start(pending));
        var joined = Enumerable.Range(0, 20).Select(_ => budget.TryStart(Number(1), CallPhase.Ring, Start(pending))).ToList();

        Assert.All(joined, lookup => Assert.Same(first, lookup));
        Assert.Equal(1, _started);
        Assert.NotNull(budget.TryStart(Number(2), CallPhase.Answer, Start()));
    }

    [Fact]
    public void SameNumber_AfterItsLookupEnded_IsANewLookup()
    {
        var budget = new LookupBudget(10, _time);
        var pending = new TaskCompletionSource<LookupResult>();
        var first = budget.TryStart(Number(1), CallPhase.Answer, Start(pending));
        pending.SetResult(LookupResult.From(CallerId.Withheld, []));

        var second = budget.TryStart(Number(1), CallPhase.Answer, Start());

        Assert.NotSame(first, second);
        Assert.Equal(2, _started);
    }

    [Fact]
    public void Withheld_NeverSpendsTheBudget()
    {
        var budget = new LookupBudget(1, _time);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.NotNull(budget.TryStart(CallerId.Withheld, CallPhase.Ring, Start())));
        Assert.NotNull(budget.TryStart(Number(1), CallPhase.Answer, Start()));
    }
}
