using System.IO.Pipelines;

namespace TrayPop.Intake.Http;

/// <summary>
/// The bytes under one <see cref="HttpConnection"/>: a socket in the service (<see cref="SocketTransport"/>), a pair of
/// in-memory pipes in the tests, so the framing can be fed byte by byte.
/// </summary>
internal interface IHttpTransport : IAsyncDisposable
{
    PipeReader Input { get; }

    PipeWriter Output { get; }

    /// <summary>Ends the sending side after the last answer (a FIN on a socket); reading goes on.</summary>
    void ShutdownSend();

    /// <summary>Closes at once, dropping what is still unsent: for a client that stopped reading.</summary>
    void Abort();
}
