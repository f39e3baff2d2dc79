namespace DataverseEmulator.Filtering;

/// <summary>A $filter (or alias value) the emulator cannot parse; the message names the position, as OData's does.</summary>
internal sealed class FilterParseException : Exception
{
    public FilterParseException(string message, int position)
        : base(message) => Position = position;

    public FilterParseException()
    {
    }

    public FilterParseException(string message)
        : base(message)
    {
    }

    public FilterParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Zero-based character position in the filter text, as Microsoft.OData reports it.</summary>
    public int Position { get; }

    public static FilterParseException At(string what, int position, string text) =>
        new($"{what} at position {position} in '{text}'.", position);
}
