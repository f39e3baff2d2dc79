namespace TrayPop.Dataverse.Auth;

/// <summary>A bearer token and when it stops working. Its text never appears in <see cref="ToString"/>, so it cannot reach a log by accident.</summary>
internal sealed class AccessToken(string value, DateTimeOffset expiresOn, string? account)
{
    public string Value { get; } = value;

    public DateTimeOffset ExpiresOn { get; } = expiresOn;

    /// <summary>The account or application the token was issued to, as the sign-in reported it.</summary>
    public string? Account { get; } = account;

    public override string ToString() => $"access token for {Account ?? "(unknown)"} until {ExpiresOn:u}";
}
