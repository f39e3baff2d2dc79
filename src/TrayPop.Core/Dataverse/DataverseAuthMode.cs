namespace TrayPop.Core.Dataverse;

/// <summary>How TrayPop signs in to Dataverse.</summary>
public enum DataverseAuthMode
{
    Interactive,
    DeviceCode,
    ClientSecret,
    Windows,
    Token,
    None,
}
