using Microsoft.Extensions.Time.Testing;
using TrayPop.Core.Calls;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;
using TrayPop.Core.Connectivity;

namespace TrayPop.Core.Tests.Calls;

public class RecentCallsListenerTests
{
    private static readonly Uri Record = new("https://crm.example/main.aspx?pagetype=entityrecord&etn=contact&id=1");
    private static readonly CallerId Number = new(CallerIdKind.Number, "+14255550101", "4255550101", "+1 425-555-0101");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly RecentCalls recent = new();

    [Fact]
    public void OnHandled_OpenedRecord_ListsTheContactWithItsPage()
    {
        var result = new LookupResult(LookupOutcome.Match, Number, [new CrmRecord("contact", Guid.NewGuid(), "Jane Doe")]);
        Handle(PopStatus.Opened, new PopDecision(PopKind.OpenRecord, Record, null, result), callId: "c1");

        var call = Assert.Single(recent.Snapshot());
        Assert.Equal("Jane Doe (+1 425-555-0101)", call.Caller);
        Assert.Equal(Record, call.Url);
        Assert.Equal(time.GetUtcNow(), call.At);
        Assert.Equal("c1", call.CallId);
    }

    [Fact]
    public void OnHandled_UnknownCallerNotification_ListsTheFormItOffers()
    {
        var form = new Uri("https://crm.example/main.aspx?pagetype=entityrecord&etn=contact");
        var result = new LookupResult(LookupOutcome.None, Number, []);
        Handle(PopStatus.Notified, new PopDecision(PopKind.Notify, null, new Notification("Unknown caller", "+1 425-555-0101", form), result));

        var call = Assert.Single(recent.Snapshot());
        Assert.Equal(form, call.Url);
        Assert.Equal("+1 425-555-0101", call.Caller);
    }

    [Fact]
    public void OnHandled_Chooser_ListsTheCallWithItsRecordsToChooseFrom()
    {
        var result = new LookupResult(LookupOutcome.Multiple, Number, [new CrmRecord("contact", Guid.NewGuid(), "Tom"), new CrmRecord("contact", Guid.NewGuid(), "Sarah")]);
        NotificationChoice[] choices = [new("Tom (contact)", Record), new("Sarah (contact)", new Uri("https://crm.example/main.aspx?id=2"))];
        Handle(PopStatus.Notified, new PopDecision(PopKind.Choose, null, new Notification("2 records match", "2 records match +1 425 555 0101", null, choices), result));

        var call = Assert.Single(recent.Snapshot());
        Assert.Null(call.Url);
        Assert.Equal(choices, call.Choices);
        Assert.Equal("+1 425-555-0101 (2 matches)", call.Caller);
    }

    [Fact]
    public void OnHandled_WhilePaused_StillLists()
    {
        Handle(PopStatus.Paused, new PopDecision(PopKind.OpenRecord, Record, null, null));

        Assert.Single(recent.Snapshot());
    }

    [Theory]
    [InlineData((int)PopStatus.Duplicate)]
    [InlineData((int)PopStatus.Ignored)]
    [InlineData((int)PopStatus.Ended)]
    [InlineData((int)PopStatus.Resolved)]
    public void OnHandled_NothingShown_ListsNothing(int status)
    {
        Handle((PopStatus)status, new PopDecision(PopKind.OpenRecord, Record, null, null));

        Assert.Empty(recent.Snapshot());
    }

    [Fact]
    public void OnHandled_DecisionWithoutPage_ListsNothing()
    {
        Handle(PopStatus.Nothing, PopDecision.Nothing());

        Assert.Empty(recent.Snapshot());
    }

    private void Handle(PopStatus status, PopDecision decision, string? callId = null) =>
        new RecentCallsListener(recent, time).OnHandled(new PopReport(new CallEvent("+14255550101", CallId: callId), status, decision));
}
