namespace TrayPop.Intake;

/// <summary>The raw fields of a call event before validation, whatever channel brought them.</summary>
internal sealed record CallEventFields(string? Number, string? Type, string? Phase, string? CallId, string? Extension, string? Name);
