using System.Text;
using Microsoft.Extensions.Options;
using TrayPop.Intake;
using TrayPop.Intake.Http;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;
using TrayPop.Testing;

using TrayPop.Dataverse.Lookup;

namespace TrayPop.Intake.Tests;

/// <summary>
/// 100,000 generated hostile inputs through everything an event touches before Dataverse: the JSON, query and
/// line decoders, the caller-id parser, the query and URL builders. Nothing may throw; every output is a clean
/// rejection, or a valid event whose URLs stay on the CRM.
/// </summary>
public class EventFuzzTests
{
    private const int Inputs = 100_000;
    private static readonly CallerIdParser Parser = new(Options.Create(new PhoneOptions { DefaultRegion = "GB", OutsideLinePrefix = "9" }));
    private static readonly CrmUrlBuilder Urls = TestOptions.Urls();
    private static readonly CrmUrlPolicy Policy = new(TestOptions.Site());

    [Fact]
    public async Task Decoders_Parser_And_UrlBuilder_SurviveHostileInput()
    {
        var random = new Random(8_088);
        int accepted = 0, rejected = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var input = Generate(random, i % 6);
            var decoded = (i % 3) switch
            {
                0 => CallEventDecoder.FromJson(input),
                1 => CallEventDecoder.FromQuery(QueryFrom(input)),
                _ => await ThroughLineReaderAsync(input),
            };

            if (decoded.Event is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(decoded.Error));
                rejected++;
                continue;
            }

            accepted++;
            Assert.InRange(decoded.Event.Number.Length, 1, CallEventDecoder.MaxNumberLength);
            CheckDownstream(decoded.Event.Number);
        }

        Assert.Equal(Inputs, accepted + rejected);
        Assert.True(accepted > Inputs / 10, $"only {accepted} inputs reached the parser; the generator should reach it often");
    }

    private static void CheckDownstream(string number)
    {
        var callerId = Parser.Parse(number);
        foreach (var url in new[] { Urls.NewRecord(callerId), Urls.Search(callerId) })
        {
            Assert.True(Policy.Allows(url), url.AbsoluteUri);
        }

        if (callerId.Kind != CallerIdKind.Withheld)
        {
            var query = LookupQueryBuilder.Build(LookupOptions.Defaults[0], PhonePattern.For(callerId), 50);
            var filter = Uri.UnescapeDataString(query[(query.IndexOf("$filter=", StringComparison.Ordinal) + 8)..query.IndexOf("&$top", StringComparison.Ordinal)]);
            // Each quote inside a literal is doubled, so the quotes outside the literals are exactly the six pairs that delimit them.
            Assert.Equal(12, filter.Replace("''", "", StringComparison.Ordinal).Count(c => c == '\''));
        }
    }

    private static async Task<DecodeResult> ThroughLineReaderAsync(byte[] input)
    {
        var reader = new LineReader(new MemoryStream(input), LineIntakeService.MaxLineBytes);
        var line = await reader.ReadLineAsync(CancellationToken.None);
        return line is null ? DecodeResult.Fail("no line") : line.Value.TooLong ? DecodeResult.Fail("too long") : CallEventDecoder.FromJson(line.Value.Bytes.Span);
    }

    private static UrlEncodedValues QueryFrom(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        return new UrlEncodedValues(new Dictionary<string, string> { ["number"] = text, ["type"] = text.Length % 2 == 0 ? "inbound" : text, ["callId"] = text[..Math.Min(text.Length, 200)] });
    }

    private static byte[] Generate(Random random, int kind) => kind switch
    {
        0 => RandomBytes(random),
        1 => TruncatedJson(random),
        2 => Json(HugeNumber(random)),
        3 => Json(OddUnicode(random)),
        4 => Json(SipGarbage(random)),
        _ => Json(Sample(random)),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] TruncatedJson(Random random)
    {
        var whole = Json(Sample(random));
        return whole[..random.Next(0, whole.Length)];
    }

    private static byte[] Json(string number) =>
        Encoding.UTF8.GetBytes($"{{\"number\":{System.Text.Json.JsonSerializer.Serialize(number)},\"type\":\"inbound\",\"callId\":\"c\"}}");

    private static string HugeNumber(Random random) => new('9', random.Next(15, 400));

    private static string OddUnicode(Random random)
    {
        const string Odd = "＋１２３４５６７８９０\u00A0\u2013\u2014\u202E\u200B\u0301\uFEFF٠١٢३४𝟒𝟓\uD83D\uDE00\u0000\u001Fé漢字";
        var text = new StringBuilder();
        for (var i = random.Next(1, 40); i > 0; i--)
        {
            text.Append(Odd[random.Next(Odd.Length)]);
        }

        return text.ToString();
    }

    private static string SipGarbage(Random random)
    {
        const string Junk = "sip:;@<>\"%2B+0123456789user=phone?&=:[]'%_";
        var text = new StringBuilder(random.Next(2) == 0 ? "sip:" : "\"x\" <sip:");
        for (var i = random.Next(0, 60); i > 0; i--)
        {
            text.Append(Junk[random.Next(Junk.Length)]);
        }

        return text.ToString();
    }

    private static string Sample(Random random) => random.Next(6) switch
    {
        0 => "+1425555" + random.Next(0, 10_000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
        1 => "020 7946 0" + random.Next(0, 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture),
        2 => "' or 1 eq 1 --",
        3 => "%[_]%'",
        4 => "anonymous",
        _ => "9" + random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
