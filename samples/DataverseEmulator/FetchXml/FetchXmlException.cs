namespace DataverseEmulator.FetchXml;

/// <summary>A fetchXml query the emulator cannot run; <see cref="Code"/> is the Dataverse error code to answer with.</summary>
internal sealed class FetchXmlException : Exception
{
    public FetchXmlException()
    {
    }

    public FetchXmlException(string message)
        : this(message, "0x80040203")
    {
    }

    public FetchXmlException(string message, Exception innerException)
        : base(message, innerException) => Code = "0x80040203";

    public FetchXmlException(string message, string code)
        : base(message) => Code = code;

    public string Code { get; } = "0x80040203";
}
