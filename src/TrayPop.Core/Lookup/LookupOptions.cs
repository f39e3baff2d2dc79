namespace TrayPop.Core.Lookup;

/// <summary>Settings under <c>TrayPop:Lookup</c>.</summary>
internal sealed class LookupOptions
{
    public const string Section = "TrayPop:Lookup";

    /// <summary>
    /// Tables searched, first match wins. Configuration replaces the whole list; unset means
    /// <see cref="Defaults"/> (what Genesys and CIF integrations search, in their order).
    /// </summary>
    public List<EntitySearch>? Entities { get; set; }

    /// <summary>The most candidate rows asked for per table; candidates are then confirmed one by one.</summary>
    public int MaxCandidates { get; set; } = 50;

    internal IReadOnlyList<EntitySearch> EffectiveEntities => Entities is { Count: > 0 } ? Entities : Defaults;

    internal static IReadOnlyList<EntitySearch> Defaults { get; } =
    [
        new() { Name = "contact", NameColumn = "fullname", PhoneColumns = ["telephone1", "telephone2", "telephone3", "mobilephone", "business2", "home2"] },
        new() { Name = "account", NameColumn = "name", PhoneColumns = ["telephone1", "telephone2", "telephone3"] },
        new() { Name = "lead", NameColumn = "fullname", PhoneColumns = ["telephone1", "telephone2", "telephone3", "mobilephone"] },
    ];
}
