using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Diagnostics;

using Log = TrayPop.Intake.Diagnostics.Log;

namespace TrayPop.Intake.Http;

/// <summary>
/// One client connection: reads request heads, hands each request to the handler, writes the answers in order
/// (so pipelined requests work), and keeps the connection while both sides want it. Its only timer is a one-shot
/// per connection, re-armed per phase: the idle timeout while waiting for a request,
/// <see cref="HttpLimits.RequestTimeout"/> from a request's first byte until it has fully arrived, the write timeout
/// while an answer is being sent.
/// </summary>
internal sealed partial class HttpConnection : IAsyncDisposable
{
    private readonly IHttpTransport _transport;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly IHttpHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpConnectionSettings _settings;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _timeout;
    private CancellationTokenRegistration _stop;
    private byte[]? _body;
    private bool _bodyRead;
    private bool _bodyStarted;
    private bool _waitingForRequest = true;
    private bool _writing;

    public HttpConnection(Socket socket, IHttpHandler handler, TimeProvider time, ILogger logger, CancellationToken stopping)
        : this(new SocketTransport(socket), handler, time, logger, new HttpConnectionSettings(), stopping)
    {
    }

    public HttpConnection(IHttpTransport transport, IHttpHandler handler, TimeProvider time, ILogger logger, HttpConnectionSettings settings, CancellationToken stopping)
    {
        _transport = transport;
        _input = transport.Input;
        _output = transport.Output;
        _handler = handler;
        _time = time;
        _logger = logger;
        _settings = settings;
        _stopping = stopping;
        // Created with the injected clock so tests drive the timeouts; CancelAfter re-arms this one timer.
        _timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>This connection's event rate, kept with the connection so it ends with it.</summary>
    public ConnectionRate? EventRate { get; set; }

    /// <summary>How refusals name the client (<see cref="HttpConnectionSettings.Peer"/>).</summary>
    public string Peer => _settings.Peer;

    /// <summary>Completes when the connection has closed.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = RunAsync();

    private async Task RunAsync()
    {
        _stop = _stopping.Register(static state => ((CancellationTokenSource)state!).Cancel(), _timeout);
        try
        {
            WaitForRequest();
            while (await NextRequestAsync() is { } request)
            {
                var response = await _handler.HandleAsync(request, _timeout.Token);
                var keepAlive = request.KeepAlive && !response.Close && await SkipUnreadBodyAsync(request);
                await WriteAsync(response, keepAlive, omitBody: request.Method == "HEAD");
                if (!keepAlive)
                {
                    break;
                }

                WaitForRequest();
            }
        }
        catch (HttpRequestRejectedException ex)
        {
            Rejected(ex.Status, ex.Message);
            await TryWriteAsync(new HttpResponse(ex.Status) { Close = true });
        }
        catch (OperationCanceledException) when (_timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            // A client that does not read its answers is reset; an idle connection just closes; a request that
            // stopped arriving is told why.
            if (_writing)
            {
                Rejected(0, "the client did not read its answer within the write timeout");
                _transport.Abort();
            }
            else if (!_waitingForRequest)
            {
                Rejected(HttpStatus.RequestTimeout, "the request did not arrive within the request timeout");
                await TryWriteAsync(new HttpResponse(HttpStatus.RequestTimeout) { Close = true });
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Log.HttpConnectionEnded(_logger, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A fault of ours in one connection must not take the listener down: log it, close this connection.
            Log.HttpConnectionFailed(_logger, ex);
        }
        finally
        {
            await DisposeAsync();
        }
    }

    private void WaitForRequest()
    {
        _waitingForRequest = true;
        _timeout.CancelAfter(_settings.IdleTimeout);
        _settings.IdleChanged?.Invoke(true);
    }

    private void Rejected(int status, string reason)
    {
        Log.HttpRequestRefused(_logger, status, reason);
        _settings.Rejected?.Invoke(status, reason);
    }

    /// <summary>The next request's head, or null when the client closed the connection between requests.</summary>
    private async Task<HttpRequest?> NextRequestAsync()
    {
        var scanner = new RequestHeadScanner();
        (_bodyRead, _bodyStarted) = (false, false);
        while (true)
        {
            var result = await _input.ReadAsync(_timeout.Token);
            var buffer = result.Buffer;
            if (_waitingForRequest)
            {
                // Empty lines before a request line are ignored (RFC 9112 §2.2), e.g. a CRLF some clients send after a body.
                var reader = new SequenceReader<byte>(buffer);
                reader.AdvancePastAny((byte)'\r', (byte)'\n');
                buffer = buffer.Slice(reader.Position);
                if (!buffer.IsEmpty)
                {
                    _waitingForRequest = false;
                    _timeout.CancelAfter(HttpLimits.RequestTimeout);
                    _settings.IdleChanged?.Invoke(false);
                }
            }

            if (!_waitingForRequest && scanner.TryFindEnd(buffer, out var headLength))
            {
                var head = buffer.Slice(0, headLength);
                var request = HttpRequestParser.Parse(head, this);
                _input.AdvanceTo(head.End);
                if (!request.HasBody)
                {
                    // Arrived in full: what follows (the lookup, the answer) is not under the request timeout.
                    _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                }

                return request;
            }

            if (result.IsCompleted)
            {
                // Closed between requests, or inside a head: either way there is nobody to answer.
                return null;
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async Task WriteAsync(HttpResponse response, bool keepAlive, bool omitBody)
    {
        HttpResponseWriter.Write(_output, response, keepAlive, _time.GetUtcNow(), omitBody);
        _writing = true;
        _timeout.CancelAfter(_settings.WriteTimeout);
        await _output.FlushAsync(_timeout.Token);
        _writing = false;
        _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    private async Task TryWriteAsync(HttpResponse response)
    {
        try
        {
            if (!_timeout.TryReset())
            {
                // The timer has fired (a request timeout): this last answer gets its own write timeout.
                using var last = new CancellationTokenSource(_settings.WriteTimeout, _time);
                using var stop = _stopping.Register(static state => ((CancellationTokenSource)state!).Cancel(), last);
                HttpResponseWriter.Write(_output, response, keepAlive: false, _time.GetUtcNow(), omitBody: false);
                await _output.FlushAsync(last.Token);
                return;
            }

            await WriteAsync(response, keepAlive: false, omitBody: false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Log.HttpConnectionEnded(_logger, ex.Message);
            _transport.Abort();
        }
    }

    /// <summary>Closes the connection; it runs once, when <see cref="Completion"/> is about to complete.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            // A FIN after the last answer, then whatever the client still sends is read and dropped: closing with
            // unread input would reset the connection and could destroy that answer before the client reads it.
            _settings.IdleChanged?.Invoke(false);
            _transport.ShutdownSend();
            if (!_timeout.IsCancellationRequested)
            {
                _timeout.CancelAfter(HttpLimits.LingerTimeout);
                await DrainAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Log.HttpConnectionEnded(_logger, ex.Message);
        }

        await _transport.DisposeAsync();
        // Unhooked from the service's stop before the timer goes, so a stop now cannot cancel a disposed source.
        await _stop.DisposeAsync();
        _timeout.Dispose();
        if (_body is not null)
        {
            ArrayPool<byte>.Shared.Return(_body);
            _body = null;
        }
    }

    private async Task DrainAsync()
    {
        long drained = 0;
        while (drained < HttpLimits.MaxLingerBytes)
        {
            var result = await _input.ReadAsync(_timeout.Token);
            drained += result.Buffer.Length;
            _input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
