namespace TrayPop.Core.Phones;

/// <summary>The words switches and carriers present instead of a number when the caller hides it.</summary>
internal static class WithheldCallerIds
{
    private static readonly string[] Words =
    [
        "anonymous", "restricted", "private", "unavailable", "unknown", "withheld",
    ];

    public static bool IsWithheld(ReadOnlySpan<char> text)
    {
        text = text.Trim().Trim('"').Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        foreach (var word in Words)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
