using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TrayPop.Hosting.Cli;

/// <summary>Turns what stops a start (a bad setting, a taken port) into a plain message and an exit code.</summary>
internal static class StartupErrors
{
    public const int BadConfiguration = 2;
    public const int NotRunning = 3;
    public const int Failed = 4;

    /// <summary>A background service (an intake, the journal sender) failed while running, which stops the host.</summary>
    public const int ServiceFailed = 5;

    public static int? Explain(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                error.WriteLine("TrayPop cannot start: a setting is wrong.");
                foreach (var failure in validation.Failures)
                {
                    error.WriteLine("  " + failure);
                }

                return BadConfiguration;
            case AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException):
                error.WriteLine("TrayPop cannot start: a setting is wrong.");
                foreach (var failure in aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures))
                {
                    error.WriteLine("  " + failure);
                }

                return BadConfiguration;
            case IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } }:
            case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                error.WriteLine($"TrayPop cannot start: {exception.Message} Another TrayPop may already be running in this session, or set TrayPop:Listener:Port (and TrayPop:Listener:LinePort) to a free port.");
                return BadConfiguration;
            default:
                return null;
        }
    }
}
