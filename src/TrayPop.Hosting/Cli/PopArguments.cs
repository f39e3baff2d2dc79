using TrayPop.Core.Calls;

namespace TrayPop.Hosting.Cli;

/// <summary>
/// The arguments of <c>traypop pop</c> read by hand, so a softphone's call does not wait for System.CommandLine to load.
/// Reads only what it understands for certain (<c>--type</c>, <c>--phase</c>, <c>--call-id</c> before the number, as
/// <c>--name value</c>, <c>--name=value</c> or <c>--name:value</c>); anything else (help, an unknown option, a bad value,
/// no number, a response file) gives null, and System.CommandLine parses it with today's help and error texts.
/// </summary>
internal static class PopArguments
{
    /// <summary>The event of <paramref name="verbs"/> (the arguments without settings, the verb first), or null to fall back.</summary>
    public static CallEvent? Parse(IReadOnlyList<string> verbs)
    {
        if (verbs.Count < 2 || verbs[0] != "pop")
        {
            return null;
        }

        CallType? type = null;
        CallPhase? phase = null;
        string? callId = null;
        var i = 1;
        for (; i < verbs.Count && verbs[i].StartsWith("--", StringComparison.Ordinal); i++)
        {
            var (name, value) = Split(verbs[i]);
            if (value is "")
            {
                // "--call-id=" is not an empty id to System.CommandLine.
                return null;
            }

            if (value is null)
            {
                // The value is the next token, unless that looks like an option too (System.CommandLine would say so).
                if (++i == verbs.Count || !IsPlain(verbs[i]))
                {
                    return null;
                }

                value = verbs[i];
            }

            // Each option once; what a second one means is System.CommandLine's to say.
            if (name == "--call-id" && callId is null && IsPlain(value))
            {
                callId = value;
            }
            else if (!(name == "--type" && type is null && CallNames.TryParse(value, out type))
                && !(name == "--phase" && phase is null && CallNames.TryParse(value, out phase)))
            {
                return null;
            }
        }

        if (i == verbs.Count)
        {
            return null;
        }

        // The number may come split on its spaces ("Jane Doe" <sip:…>); after it, nothing but more of it.
        for (var rest = i; rest < verbs.Count; rest++)
        {
            if (!IsPlain(verbs[rest]))
            {
                return null;
            }
        }

        var number = new string[verbs.Count - i];
        for (var part = 0; part < number.Length; part++)
        {
            number[part] = verbs[i + part];
        }

        return new CallEvent(string.Join(' ', number), type ?? CallType.Inbound, phase ?? CallPhase.Now, callId);
    }

    private static (string Name, string? Value) Split(string token)
    {
        var at = token.AsSpan().IndexOfAny('=', ':');
        return at < 0 ? (token, null) : (token[..at], token[(at + 1)..]);
    }

    /// <summary>
    /// A token System.CommandLine takes as a value, not as an option, help (<c>-h</c>, <c>/?</c>), the end of options
    /// (<c>--</c>) or a response file (<c>@file</c>).
    /// </summary>
    private static bool IsPlain(string token) =>
        token.Length == 0 || token[0] is not ('-' or '/' or '@');
}
