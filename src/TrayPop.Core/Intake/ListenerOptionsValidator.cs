using Microsoft.Extensions.Options;

namespace TrayPop.Core.Intake;

/// <summary>Ports must be usable TCP ports, and the two listeners must not collide.</summary>
internal sealed class ListenerOptionsValidator : IValidateOptions<ListenerOptions>
{
    public ValidateOptionsResult Validate(string? name, ListenerOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"TrayPop:Listener:Port must be between 1 and 65535; got {options.Port}.");
        }

        if (options.LinePort is < 0 or > 65535)
        {
            failures.Add($"TrayPop:Listener:LinePort must be between 1 and 65535, or 0 to turn the line protocol off; got {options.LinePort}.");
        }
        else if (options.LinePort == options.Port)
        {
            failures.Add($"TrayPop:Listener:LinePort must differ from TrayPop:Listener:Port ({options.Port}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
