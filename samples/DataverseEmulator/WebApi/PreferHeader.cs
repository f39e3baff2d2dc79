using System.Globalization;

namespace DataverseEmulator.WebApi;

/// <summary>The Prefer header preferences Dataverse honours: paging, annotations, representation, continue-on-error.</summary>
internal sealed class PreferHeader
{
    private const int MaxPageSize = 5000;

    private PreferHeader()
    {
    }

    public int? MaxPageSizeValue { get; private init; }

    public string? IncludeAnnotations { get; private init; }

    public bool ReturnRepresentation { get; private init; }

    public bool ContinueOnError { get; private init; }

    public bool TrackChanges { get; private init; }

    public bool WantsFormattedValues => IncludeAnnotations is { } a &&
        (a == "*" || a.Contains("FormattedValue", StringComparison.OrdinalIgnoreCase) || a.Contains("OData.Community.Display.V1.*", StringComparison.OrdinalIgnoreCase));

    public static PreferHeader Parse(string? header)
    {
        int? pageSize = null;
        string? annotations = null;
        var representation = false;
        var continueOnError = false;
        var trackChanges = false;
        foreach (var raw in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? raw : raw[..equals]).Trim();
            var value = equals < 0 ? string.Empty : raw[(equals + 1)..].Trim().Trim('"');
            switch (name.ToLowerInvariant())
            {
                case "odata.maxpagesize":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                    {
                        pageSize = Math.Min(size, MaxPageSize);
                    }

                    break;
                case "odata.include-annotations":
                    annotations = value;
                    break;
                case "return":
                    representation = value.Equals("representation", StringComparison.OrdinalIgnoreCase);
                    break;
                case "odata.continue-on-error":
                    continueOnError = true;
                    break;
                case "odata.track-changes":
                    trackChanges = true;
                    break;
            }
        }

        return new PreferHeader
        {
            MaxPageSizeValue = pageSize,
            IncludeAnnotations = annotations,
            ReturnRepresentation = representation,
            ContinueOnError = continueOnError,
            TrackChanges = trackChanges,
        };
    }
}
