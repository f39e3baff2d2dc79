namespace DataverseEmulator.Auth;

internal enum TokenCheck
{
    Accepted,
    Missing,
    Invalid,
    Expired,
}
