namespace TrayPop.Core.Lookup;

/// <summary>Which strategy lookups use right now, for <c>/health</c> and <c>check</c> (which cannot know Dataverse).</summary>
internal interface ILookupStrategyState
{
    /// <summary><c>keys</c>, <c>pattern</c>, or <c>unknown</c> until the key table has been asked about.</summary>
    string Index { get; }
}
