using Microsoft.Extensions.Options;

namespace TrayPop.Intake;

/// <summary>Ports must be usable TCP ports, also after the session offset, and the two listeners must not collide; a token file must hold a token.</summary>
internal sealed class ListenerOptionsValidator : IValidateOptions<ListenerOptions>
{
    public ValidateOptionsResult Validate(string? name, ListenerOptions options)
    {
        var failures = new List<string>();
        if (options.BasePort is < 1 or > 65534)
        {
            failures.Add($"TrayPop:Listener:BasePort must be between 1 and 65534 (the line protocol takes the next port); got {options.BasePort}.");
        }
        else if (options.ConfiguredPort is null && options.Port > 65535)
        {
            failures.Add($"TrayPop:Listener:BasePort {options.BasePort} gives Windows session {options.SessionId} port {options.Port}, past 65535: set a lower TrayPop:Listener:BasePort, or TrayPop:Listener:Port for this session.");
        }

        if (options.ConfiguredPort is not null && options.Port is < 1 or > 65535)
        {
            failures.Add($"TrayPop:Listener:Port must be between 1 and 65535; got {options.Port}.");
        }

        if (options.LinePort is < 0 or > 65535)
        {
            // A derived line port past 65535 is already reported with its HTTP port, unless only the line overflows.
            if (options.ConfiguredLinePort is not null || options.Port <= 65535)
            {
                failures.Add($"TrayPop:Listener:LinePort must be between 1 and 65535, or 0 to turn the line protocol off; got {options.LinePort}.");
            }
        }
        else if (options.LinePort == options.Port)
        {
            failures.Add($"TrayPop:Listener:LinePort must differ from TrayPop:Listener:Port ({options.Port}).");
        }

        if (options.MaxLookupsPerSecond is < 1 or > 1000)
        {
            failures.Add($"TrayPop:Listener:MaxLookupsPerSecond must be between 1 and 1000; got {options.MaxLookupsPerSecond}.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero || options.IdleTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"TrayPop:Listener:IdleTimeout must be more than zero and at most a day, e.g. 00:02:00; got {options.IdleTimeout}.");
        }

        if (string.IsNullOrEmpty(options.Token) && !string.IsNullOrEmpty(options.TokenFile)
            && ListenerTokenFile.Read(options.TokenFile, out var tokenFailure) is null)
        {
            failures.Add(ListenerTokenFile.Message(options.TokenFile, tokenFailure!));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
