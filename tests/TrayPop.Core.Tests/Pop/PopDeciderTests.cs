using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;
using TrayPop.Testing;

namespace TrayPop.Core.Tests.Pop;

public class PopDeciderTests
{
    private static readonly CallRule OpenRecord = new() { Action = PopAction.OpenRecord };

    [Fact]
    public void Decide_OneMatch_OpensTheRecord()
    {
        var decision = TestOptions.Decider().Decide(OpenRecord, Callers.Found(Callers.Jane));

        Assert.Equal(PopKind.OpenRecord, decision.Kind);
        Assert.Equal(TestOptions.Urls().Record(Callers.Jane), decision.Url);
        Assert.Null(decision.Notification);
    }

    [Fact]
    public void Decide_NoMatchHeadless_OpensNewContactForm()
    {
        var decision = TestOptions.Decider().Decide(OpenRecord, Callers.Found());

        Assert.Equal(PopKind.NewContactForm, decision.Kind);
        Assert.Equal(TestOptions.Urls().NewRecord(Callers.Number()), decision.Url);
    }

    [Fact]
    public void Decide_NoMatchWithTray_NotifiesWithCreateContactClick()
    {
        var decision = TestOptions.Decider(new PopOptions { UnknownCaller = UnknownCallerAction.Notify }).Decide(OpenRecord, Callers.Found());

        Assert.Equal(PopKind.Notify, decision.Kind);
        Assert.Null(decision.Url);
        Assert.Equal("Unknown caller +1 425 555 0101 — click to create a contact", decision.Notification!.Text);
        Assert.Equal(TestOptions.Urls().NewRecord(Callers.Number()), decision.Notification.ClickUrl);
    }

    [Fact]
    public void Decide_SeveralMatches_OffersAChooserAndOpensNothing()
    {
        var decision = TestOptions.Decider().Decide(OpenRecord, Callers.Found(Callers.Jane, Callers.John));

        Assert.Equal(PopKind.Choose, decision.Kind);
        Assert.Null(decision.Url);
        Assert.Equal("2 records match +1 425 555 0101", decision.Notification!.Text);
        Assert.Null(decision.Notification.ClickUrl);
        Assert.Equal(["Jane Doe (contact)", "John Roe (contact)"], decision.Notification.Choices.Select(c => c.Label));
        Assert.Equal([TestOptions.Urls().Record(Callers.Jane), TestOptions.Urls().Record(Callers.John)], decision.Notification.Choices.Select(c => c.Url));
    }

    [Fact]
    public void Decide_SeveralMatchesOnANotifyRule_OffersTheChooserToo()
    {
        var decision = TestOptions.Decider().Decide(new CallRule { Action = PopAction.Notify }, Callers.Found(Callers.Jane, Callers.John));

        Assert.Equal(PopKind.Choose, decision.Kind);
        Assert.Equal(2, decision.Notification!.Choices.Count);
    }

    [Fact]
    public void Decide_SeveralMatchesConfiguredToSearch_OpensTheirTableListAndNamesTheNumberAsStored()
    {
        var jane = Callers.Jane with { Number = "(425) 555-0101" };
        var decision = TestOptions.Decider(new PopOptions { MultipleMatches = MultipleMatchesAction.Search })
            .Decide(OpenRecord, Callers.Found(jane, Callers.John));

        Assert.Equal(PopKind.Search, decision.Kind);
        Assert.Equal(TestOptions.Crm + "/main.aspx?pagetype=entitylist&etn=contact", decision.Url!.AbsoluteUri);
        Assert.Equal("2 records match +1 425 555 0101: search the contact list for (425) 555-0101", decision.Notification!.Text);
        Assert.Empty(decision.Notification.Choices);
    }

    [Fact]
    public void QuickFindTexts_AreEachStoredRenderingOnce_OrTheNationalFormatWithoutOne()
    {
        var stored = Callers.Found(
            Callers.Jane with { Number = "(425) 555-0101" },
            Callers.John with { Number = "425-555-0101 x22" },
            new CrmRecord("contact", Guid.NewGuid(), "Third", "(425) 555-0101"));

        Assert.Equal(["(425) 555-0101", "425-555-0101 x22"], CrmUrlBuilder.QuickFindTexts(stored));
        Assert.Equal(["(425) 555-0101"], CrmUrlBuilder.QuickFindTexts(Callers.Found(Callers.Jane, Callers.John)));
    }

    [Fact]
    public void Decide_SeveralMatchesConfiguredToNotify_ListsThem()
    {
        var decision = TestOptions.Decider(new PopOptions { MultipleMatches = MultipleMatchesAction.Notify })
            .Decide(OpenRecord, Callers.Found(Callers.Jane, Callers.John));

        Assert.Equal(PopKind.Notify, decision.Kind);
        Assert.Contains("Jane Doe, John Roe", decision.Notification!.Text, StringComparison.Ordinal);
        Assert.Equal(TestOptions.Urls().List("contact"), decision.Notification.ClickUrl);
    }

    [Fact]
    public void Decide_Withheld_DoesNothingByDefault()
    {
        var decision = TestOptions.Decider().Decide(OpenRecord, Callers.Withheld);

        Assert.Equal(PopKind.Nothing, decision.Kind);
    }

    [Fact]
    public void Decide_WithheldConfiguredToForm_OpensEmptyForm()
    {
        var decision = TestOptions.Decider(new PopOptions { Withheld = WithheldAction.NewContactForm }).Decide(OpenRecord, Callers.Withheld);

        Assert.Equal(PopKind.NewContactForm, decision.Kind);
        Assert.Equal(TestOptions.Urls().NewRecord(CallerId.Withheld), decision.Url);
    }

    [Theory]
    [InlineData(PopAction.NewContactForm, PopKind.NewContactForm)]
    [InlineData(PopAction.Search, PopKind.Search)]
    [InlineData(PopAction.Nothing, PopKind.Nothing)]
    [InlineData(PopAction.Notify, PopKind.Notify)]
    public void Decide_FixedActions_IgnoreTheMatch(object action, object expected)
    {
        var decision = TestOptions.Decider().Decide(new CallRule { Action = (PopAction)action }, Callers.Found(Callers.Jane));

        Assert.Equal((PopKind)expected, decision.Kind);
    }

    [Fact]
    public void Decide_NotifyOnMatch_ShowsTheNameAndOpensTheRecordOnClick()
    {
        var decision = TestOptions.Decider().Decide(new CallRule { Action = PopAction.Notify }, Callers.Found(Callers.Jane));

        Assert.Equal("Jane Doe", decision.Notification!.Title);
        Assert.Equal(TestOptions.Urls().Record(Callers.Jane), decision.Notification.ClickUrl);
    }

    [Fact]
    public void Decide_UrlTemplate_FillsTheMatch()
    {
        var rule = new CallRule { Action = PopAction.Url, UrlTemplate = TestOptions.Crm + "/main.aspx?pagetype=custom&id={id}" };

        var decision = TestOptions.Decider().Decide(rule, Callers.Found(Callers.Jane));

        Assert.Equal(PopKind.CustomUrl, decision.Kind);
        Assert.Equal(TestOptions.Crm + "/main.aspx?pagetype=custom&id=" + Callers.Jane.Id, decision.Url!.AbsoluteUri);
    }

    [Fact]
    public void DecideWithoutCrm_OpensSearchAndSaysWhy()
    {
        var decision = TestOptions.Decider().DecideWithoutCrm(Callers.Number(), "The CRM did not answer within 3 s.");

        Assert.Equal(PopKind.Search, decision.Kind);
        Assert.Equal(TestOptions.Urls().Search(Callers.Number()), decision.Url);
        Assert.StartsWith("The CRM did not answer within 3 s.", decision.Notification!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideWithoutCrm_ConfiguredToForm_OpensTheForm()
    {
        var decision = TestOptions.Decider(new PopOptions { WhenSlow = SlowCrmAction.NewContactForm }).DecideWithoutCrm(Callers.Number(), "slow");

        Assert.Equal(PopKind.NewContactForm, decision.Kind);
    }

    [Fact]
    public void Decide_ResultIsCarriedForTheReply()
    {
        var result = Callers.Found(Callers.Jane);

        Assert.Same(result, TestOptions.Decider().Decide(OpenRecord, result).Result);
        Assert.Equal(LookupOutcome.Match, result.Outcome);
    }
}
