using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TrayPop.Intake;

/// <summary>
/// The optional shared secret of the intake: <c>TrayPop:Listener:Token</c>, or the first line of
/// <c>TrayPop:Listener:TokenFile</c> (which fails closed, see <see cref="ListenerTokenFile"/>). When there is one, every channel must present it; compared in constant time.
/// </summary>
internal sealed class ListenerSecret
{
    private readonly byte[]? _token;

    public ListenerSecret(IOptions<ListenerOptions> options)
    {
        var token = Read(options.Value);
        _token = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetBytes(token);
    }

    public bool Required => _token is not null;

    public bool Accepts(string? presented) =>
        _token is null || (presented is not null && CryptographicOperations.FixedTimeEquals(_token, Encoding.UTF8.GetBytes(presented)));

    /// <summary>The token a local client (such as <c>traypop pop</c>) should present, from the same settings.</summary>
    public static string? Read(ListenerOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            return options.Token;
        }

        if (string.IsNullOrEmpty(options.TokenFile))
        {
            return null;
        }

        return ListenerTokenFile.Read(options.TokenFile, out var failure)
            ?? throw new OptionsValidationException(ListenerTokenFile.Key, typeof(ListenerOptions), [ListenerTokenFile.Message(options.TokenFile, failure!)]);
    }
}
