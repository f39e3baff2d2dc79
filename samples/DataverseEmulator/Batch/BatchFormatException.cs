namespace DataverseEmulator.Batch;

/// <summary>A $batch body that does not follow the multipart/mixed format of OData 4.0 §11.7.</summary>
internal sealed class BatchFormatException : Exception
{
    public BatchFormatException()
    {
    }

    public BatchFormatException(string message)
        : base(message)
    {
    }

    public BatchFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
