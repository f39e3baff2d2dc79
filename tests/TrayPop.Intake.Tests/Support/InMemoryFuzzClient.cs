using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using TrayPop.Intake.Http;
using TrayPop.Intake.Listening;
using TrayPop.Intake.Tests.Http.Support;

namespace TrayPop.Intake.Tests.Support;

/// <summary>
/// Fuzz cases through a running service's own connection code without a socket: each case is one connection that the
/// HTTP server or the line protocol serves over memory, its pieces arriving one read at a time, then the client's end
/// of input. The handler behind (guard, decoding, pipeline, CRM lookups, launcher) is the service's.
/// </summary>
internal sealed class InMemoryFuzzClient(IServiceProvider services)
{
    private readonly HttpIntakeServer _http = services.GetRequiredService<HttpIntakeServer>();
    private readonly LineIntakeService _line = services.GetRequiredService<LineIntakeService>();

    public async Task<FuzzOutcome> SendHttpAsync(FuzzCase input)
    {
        var releases = new int[input.Pieces.Length];
        for (int i = 0, at = 0; i < releases.Length; i++)
        {
            releases[i] = at += input.Pieces[i];
        }

        // Answers are read once the connection has closed, so they must never wait for a reader.
        var transport = new PipeTransport(new ScriptedPipeReader(input.Bytes, releases, endAfterLast: true), new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0));
        using var slot = new ConnectionSlot(TimeProvider.System, CancellationToken.None);
        if (!await EndsWithinBoundAsync(_http.ServeAsync(transport, slot)))
        {
            return FuzzOutcome.Hung;
        }

        var answered = transport.Answers.TryRead(out var answers) && !answers.Buffer.IsEmpty;
        await transport.Answers.CompleteAsync();
        return answered ? FuzzOutcome.Answered : FuzzOutcome.ClosedSilently;
    }

    public async Task<FuzzOutcome> SendLineAsync(FuzzCase input)
    {
        var stream = new ScriptedStream(input.Bytes, input.Pieces);
        using var slot = new ConnectionSlot(TimeProvider.System, CancellationToken.None);
        if (!await EndsWithinBoundAsync(_line.ServeAsync(stream, slot)))
        {
            return FuzzOutcome.Hung;
        }

        return stream.Written > 0 ? FuzzOutcome.Answered : FuzzOutcome.ClosedSilently;
    }

    private static async Task<bool> EndsWithinBoundAsync(Task connection)
    {
        try
        {
            await connection.WaitAsync(FuzzRun.CaseBound);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
