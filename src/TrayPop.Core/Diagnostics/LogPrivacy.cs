using System.Text;

namespace TrayPop.Core.Diagnostics;

/// <summary>
/// Phone numbers are personal data: logs show them masked (<c>+1425*****01</c>) unless
/// <c>TrayPop:Logging:ShowNumbers</c> is on, e.g. while a Dynamics administrator chases a matching problem.
/// </summary>
internal sealed class LogPrivacy(bool showNumbers)
{
    private const int MaxLeading = 4;
    private const int KeepTrailing = 2;

    public bool ShowNumbers { get; } = showNumbers;

    /// <summary>The text with every run of five or more digits masked but its first four and last two.</summary>
    public string Numbers(string text) => ShowNumbers ? text : Mask(text);

    internal static string Mask(string text)
    {
        var masked = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var run = i - start;
            if (run >= 5)
            {
                var leading = Math.Min(MaxLeading, run - 4);
                masked.Append(text, start, leading)
                    .Append('*', run - leading - KeepTrailing)
                    .Append(text, i - KeepTrailing, KeepTrailing);
            }
            else
            {
                masked.Append(text, start, run);
            }

            if (i < text.Length)
            {
                masked.Append(text[i++]);
            }
        }

        return masked.ToString();
    }
}
