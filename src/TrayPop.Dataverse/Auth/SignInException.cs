namespace TrayPop.Dataverse.Auth;

/// <summary>Signing in failed before Dataverse was asked anything (the token endpoint refused, the user cancelled, no account).</summary>
internal sealed class SignInException : Exception
{
    public SignInException()
    {
    }

    public SignInException(string message)
        : base(message)
    {
    }

    public SignInException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
