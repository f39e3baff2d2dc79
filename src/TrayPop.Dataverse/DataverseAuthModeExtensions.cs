namespace TrayPop.Dataverse;

internal static class DataverseAuthModeExtensions
{
    /// <summary>The modes MSAL signs in for, against an Entra ID or AD FS authority.</summary>
    public static bool SignsInThroughMsal(this DataverseAuthMode mode) =>
        mode is DataverseAuthMode.Interactive or DataverseAuthMode.DeviceCode or DataverseAuthMode.ClientSecret or DataverseAuthMode.ClientCertificate;

    /// <summary>The modes that sign in as an application (an application user in Dataverse), not as a person.</summary>
    public static bool IsApplication(this DataverseAuthMode mode) =>
        mode is DataverseAuthMode.ClientSecret or DataverseAuthMode.ClientCertificate;
}
