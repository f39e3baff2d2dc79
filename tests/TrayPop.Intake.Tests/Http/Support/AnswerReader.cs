using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace TrayPop.Intake.Tests.Http.Support;

/// <summary>Reads what an in-memory connection answered: status and body of each response, until the count or the end.</summary>
internal static class AnswerReader
{
    /// <summary>Within a bound that only a hang reaches: a connection that should answer but stalls fails the test.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(10);

    public static async Task<List<(int Status, string Body)>> ReadAsync(PipeReader answers, int atMost = int.MaxValue)
    {
        var responses = new List<(int, string)>();
        var text = "";
        while (responses.Count < atMost)
        {
            var result = await answers.ReadAsync().AsTask().WaitAsync(HangBound);
            text += Encoding.Latin1.GetString(result.Buffer.ToArray());
            answers.AdvanceTo(result.Buffer.End);
            while (responses.Count < atMost && TakeOne(ref text) is { } response)
            {
                responses.Add(response);
            }

            if (result.IsCompleted)
            {
                break;
            }
        }

        return responses;
    }

    private static (int, string)? TakeOne(ref string text)
    {
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
        {
            return null;
        }

        var head = text[..headEnd];
        var lengthAt = head.IndexOf("Content-Length: ", StringComparison.Ordinal);
        var length = lengthAt < 0 ? 0 : int.Parse(head[(lengthAt + 16)..head.IndexOf('\r', lengthAt)], System.Globalization.CultureInfo.InvariantCulture);
        if (text.Length < headEnd + 4 + length)
        {
            return null;
        }

        var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var body = text.Substring(headEnd + 4, length);
        text = text[(headEnd + 4 + length)..];
        return (status, body);
    }
}
