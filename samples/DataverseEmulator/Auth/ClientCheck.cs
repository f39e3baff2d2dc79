namespace DataverseEmulator.Auth;

internal enum ClientCheck
{
    Accepted,
    UnknownClient,
    WrongSecret,
}
