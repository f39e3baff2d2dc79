namespace DataverseEmulator.Filtering;

/// <summary>contains/startswith/endswith; Dataverse runs them as SQL LIKE, so the argument is a LIKE pattern.</summary>
internal sealed class StringFunctionNode : FilterNode
{
    private readonly LikePattern _pattern;

    public StringFunctionNode(StringFunction function, string property, string argument)
    {
        Function = function;
        Property = property;
        Argument = argument;
        var pattern = function switch
        {
            StringFunction.Contains => "%" + argument + "%",
            StringFunction.StartsWith => argument + "%",
            _ => "%" + argument,
        };
        _pattern = new LikePattern(pattern);
    }

    public StringFunction Function { get; }

    public string Property { get; }

    public string Argument { get; }

    public override bool Evaluate(IRowValues row) =>
        FilterValueComparer.AsText(row.Get(Property)) is { } text && _pattern.IsMatch(text);

    public override string ToString() => $"{Function}({Property},'{Argument}')";
}
