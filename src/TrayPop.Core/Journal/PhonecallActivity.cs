using TrayPop.Core.Lookup;

namespace TrayPop.Core.Journal;

/// <summary>The completed phonecall one call becomes.</summary>
/// <param name="Outgoing">Dataverse's <c>directioncode</c>: false incoming, true outgoing.</param>
/// <param name="End">Null when the end never came and the call was closed after the maximum call length.</param>
/// <param name="DurationMinutes">Null with <paramref name="End"/>; 0 for a missed call.</param>
internal sealed record PhonecallActivity(
    Guid ActivityId,
    string Subject,
    string PhoneNumber,
    bool Outgoing,
    DateTimeOffset Start,
    DateTimeOffset? End,
    int? DurationMinutes,
    CrmRecord? Regarding,
    string? Description);
