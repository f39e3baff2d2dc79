namespace TrayPop.Dataverse;

/// <summary>How TrayPop signs in to Dataverse.</summary>
internal enum DataverseAuthMode
{
    /// <summary>The agent's own account through MSAL: silent first (Windows broker where available), the system browser otherwise.</summary>
    Interactive,

    /// <summary>The agent's own account, signing in on another device with a code (machines without a browser).</summary>
    DeviceCode,

    /// <summary>An application's client id and secret (test rigs, kiosks).</summary>
    ClientSecret,

    /// <summary>An application's client id and certificate (the indexer, services): MSAL signs a client assertion with its private key.</summary>
    ClientCertificate,

    /// <summary>On-premises Dynamics 365 with Windows integrated authentication (Negotiate).</summary>
    Windows,

    /// <summary>A bearer token given in the configuration (tests).</summary>
    Token,

    /// <summary>No sign-in at all (the emulator).</summary>
    None,
}
