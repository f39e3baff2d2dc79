using System.IO.Pipelines;
using TrayPop.Intake.Http;

namespace TrayPop.Intake.Tests.Http.Support;

/// <summary>An <see cref="IHttpTransport"/> in memory: scripted input, answers into a pipe the test reads.</summary>
internal sealed class PipeTransport(PipeReader input, PipeOptions? output = null) : IHttpTransport
{
    private readonly Pipe _answers = new(output ?? PipeOptions.Default);
    private int _sendClosed;

    public PipeReader Input => input;

    public PipeWriter Output => _answers.Writer;

    /// <summary>What the connection sent, for the test to read.</summary>
    public PipeReader Answers => _answers.Reader;

    public bool Aborted { get; private set; }

    public void ShutdownSend() => CloseSend();

    public void Abort()
    {
        Aborted = true;
        CloseSend();
    }

    public ValueTask DisposeAsync()
    {
        CloseSend();
        return ValueTask.CompletedTask;
    }

    private void CloseSend()
    {
        if (Interlocked.Exchange(ref _sendClosed, 1) == 0)
        {
            _answers.Writer.Complete();
        }
    }
}
