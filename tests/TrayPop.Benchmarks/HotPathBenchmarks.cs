using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using TrayPop.Core.Calls;
using TrayPop.Dataverse.Lookup;
using TrayPop.Intake;
using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Core.Pop;

namespace TrayPop.Benchmarks;

/// <summary>The pieces of one pop that are TrayPop's own work, everything but the Dataverse round trip.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly IOptions<PhoneOptions> Phone = Options.Create(new PhoneOptions { DefaultRegion = "US" });
    private readonly CallerIdParser _parser = new(Phone);
    private readonly StoredNumberMatcher _matcher = new(Phone);
    private readonly CallerId _caller;
    private readonly PopDecider _decider;
    private readonly CrmUrlBuilder _urls;
    private readonly LookupResult _match;
    private readonly CallRule _rule = new();
    private readonly byte[] _json = "{\"number\":\"sip:+14255550101@pbx.example;user=phone\",\"type\":\"inbound\",\"phase\":\"answer\",\"callId\":\"c-1\"}"u8.ToArray();

    public HotPathBenchmarks()
    {
        var pop = Options.Create(new PopOptions());
        _urls = new CrmUrlBuilder(new CrmSite(new Uri("https://contoso.crm.dynamics.com/"), null), pop);
        _decider = new PopDecider(_urls, pop);
        _caller = _parser.Parse("+14255550101");
        _match = LookupResult.From(_caller, [new CrmRecord("contact", Guid.NewGuid(), "Jane Doe")]);
    }

    [Benchmark]
    public object? DecodeJsonEvent() => CallEventDecoder.FromJson(_json).Event;

    [Benchmark]
    public object? ParseSipCallerId() => _parser.Parse("\"Jane Doe\" <sip:+14255550101@pbx.example;user=phone>");

    [Benchmark]
    public object? ParseNationalCallerId() => _parser.Parse("(425) 555-0101");

    /// <summary>Confirming the candidates of one typical lookup: three stored formats, one the same number.</summary>
    [Benchmark]
    public int VerifyThreeCandidates()
    {
        var same = 0;
        same += _matcher.IsSameNumber(_caller, "(425) 555-0101") ? 1 : 0;
        same += _matcher.IsSameNumber(_caller, "+1 206 555 0101") ? 1 : 0;
        same += _matcher.IsSameNumber(_caller, "425.555.0101 x221") ? 1 : 0;
        return same;
    }

    /// <summary>All six queries of one lookup's $batch: pattern and exact renderings for contacts, accounts, leads.</summary>
    [Benchmark]
    public List<string> BuildLookupQueries() => LookupQueries.For(LookupOptions.Defaults, _caller, 50);

    [Benchmark]
    public Uri BuildNewContactUrl() => _urls.NewRecord(_caller);

    [Benchmark]
    public object? DecidePop() => _decider.Decide(_rule, _match);
}
