namespace DataverseEmulator.Auth;

/// <summary>What the token endpoint made of a client assertion: accepted, or the AADSTS code and text Entra ID answers with.</summary>
internal readonly record struct AssertionCheck(int Code, string Description)
{
    public static AssertionCheck Accepted => default;

    public bool IsAccepted => Code == 0;
}
