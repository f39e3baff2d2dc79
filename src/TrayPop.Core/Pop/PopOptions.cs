namespace TrayPop.Core.Pop;

/// <summary>Settings under <c>TrayPop:Pop</c>.</summary>
internal sealed class PopOptions
{
    public const string Section = "TrayPop:Pop";

    public CallRules Rules { get; set; } = new();

    /// <summary>Null until configured: the platform picks (the tray notifies, headless opens the form).</summary>
    public UnknownCallerAction? UnknownCaller { get; set; }

    public MultipleMatchesAction MultipleMatches { get; set; } = MultipleMatchesAction.Choose;

    public WithheldAction Withheld { get; set; } = WithheldAction.Nothing;

    public SlowCrmAction WhenSlow { get; set; } = SlowCrmAction.Search;

    /// <summary>The longest a pop waits for the CRM before the agent gets the <see cref="WhenSlow"/> page.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Events without a call id for the same number and type within this window pop once.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromSeconds(30);

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The table a new record is created in, and the column the number goes into.</summary>
    public string NewRecordEntity { get; set; } = "contact";

    public string NewRecordPhoneColumn { get; set; } = "telephone1";
}
