using TrayPop.Core.Phones;

namespace TrayPop.Core.Calls;

/// <summary>
/// A caller id that is neither a number (digits as a dial string, even one the numbering plan does not know, such as an
/// extension), a SIP/tel address, nor a withheld word: quotes, wildcards, URLs, script. No softphone presents such a
/// thing, so the pipeline refuses it before any lookup or pop.
/// </summary>
internal static class JunkCallerIds
{
    public static bool IsJunk(string raw, CallerId callerId)
    {
        if (callerId.Kind != CallerIdKind.Unrecognised)
        {
            return false;
        }

        var text = raw.AsSpan().Trim();
        if (text.Length > CallerIdParser.MaxLength)
        {
            return true;
        }

        var user = CallerIdAddress.Read(text).User;
        return !DialStringScanner.TryScan(ExtensionSplitter.WithoutExtension(user), allowVanityLetters: false, out _);
    }
}
