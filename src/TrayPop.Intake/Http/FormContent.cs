using System.Text;

namespace TrayPop.Intake.Http;

/// <summary>Whether a <c>Content-Type</c> is an URL-encoded form, and the charset to read it with (UTF-8 unless another is named).</summary>
internal static class FormContent
{
    public static bool IsForm(string? contentType, out Encoding encoding)
    {
        encoding = Encoding.UTF8;
        if (contentType is null)
        {
            return false;
        }

        var parameters = contentType.AsSpan();
        var semicolon = parameters.IndexOf(';');
        var mediaType = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
        if (!mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        while (semicolon >= 0)
        {
            parameters = parameters[(semicolon + 1)..];
            semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            if (parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                encoding = Named(parameter["charset=".Length..].Trim('"').ToString());
            }
        }

        return true;
    }

    private static Encoding Named(string charset)
    {
        try
        {
            var named = Encoding.GetEncoding(charset);
            // UTF-7 can smuggle characters past filters; ASP.NET Core read such forms as UTF-8 too.
            return named.CodePage == 65000 ? Encoding.UTF8 : named;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
