namespace TrayPop.Core.Diagnostics;

/// <summary>TrayPop's version as it is shown (user agent, <c>/health</c>, <c>check</c>); every assembly carries the same one.</summary>
internal static class ProductVersion
{
    public static string Text { get; } = typeof(ProductVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
