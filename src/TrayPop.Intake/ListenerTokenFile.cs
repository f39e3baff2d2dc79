using System.Text;

namespace TrayPop.Intake;

/// <summary>
/// Reads <c>TrayPop:Listener:TokenFile</c>, failing closed: a file that is missing, unreadable, not a small regular
/// file, or whose first line is blank gives a reason instead of a token, never "no token" (which would turn the check off).
/// The path may name the user's profile (<c>%LOCALAPPDATA%\TrayPop\token</c>, <c>~/.config/traypop/token</c>), so one
/// machine-wide setting (the MSI's, a terminal server's) gives every agent their own file.
/// </summary>
internal static class ListenerTokenFile
{
    public const string Key = "TrayPop:Listener:TokenFile";
    public const int MaxBytes = 4096;

    /// <summary>The token on the file's first line, trimmed; or null and <paramref name="failure"/> saying why not.</summary>
    public static string? Read(string path, out string? failure)
    {
        failure = null;
        path = Resolve(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                failure = Directory.Exists(path) ? "is a directory, not a file" : "does not exist";
                return null;
            }

            // Devices, pipes and /proc files report no length, like an empty file: neither holds a token.
            if (info.Length == 0)
            {
                failure = "is empty or not a regular file";
                return null;
            }

            if (info.Length > MaxBytes)
            {
                failure = $"is larger than {MaxBytes} bytes; it should hold only the token";
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                failure = $"is larger than {MaxBytes} bytes; it should hold only the token";
                return null;
            }

            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length).TrimStart('\uFEFF');
            var newline = text.IndexOfAny(['\r', '\n']);
            var token = (newline < 0 ? text : text[..newline]).Trim();
            if (token.Length == 0 || token.Any(char.IsControl))
            {
                failure = token.Length == 0 ? "holds no token (its first line is blank)" : "holds control characters on its first line";
                return null;
            }

            return token;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            failure = $"cannot be read: {ex.Message}";
            return null;
        }
    }

    /// <summary>The message that stops the start, naming the file as set and, when that differs, as this user's.</summary>
    public static string Message(string path, string failure)
    {
        var resolved = Resolve(path);
        var named = resolved == path ? $"'{path}'" : $"'{path}' ('{resolved}')";
        return $"{Key} {named} {failure}. Put the token on its first line, or remove the setting.";
    }

    /// <summary>The path with environment variables (<c>%LOCALAPPDATA%</c>) and a leading <c>~</c> replaced by this user's.</summary>
    public static string Resolve(string path)
    {
        var expanded = Environment.ExpandEnvironmentVariables(path);
        if (expanded == "~" || expanded.StartsWith("~/", StringComparison.Ordinal) || expanded.StartsWith(@"~\", StringComparison.Ordinal))
        {
            expanded = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + expanded[1..];
        }

        return expanded;
    }
}
