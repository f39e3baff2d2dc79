using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PhoneNumbers;

// Regenerates the "gen-" pairs of the phone corpus; hand-written pairs are kept as they are, in order.
// Ground truth comes from libphonenumber's metadata alone, never from TrayPop's own reading.
var path = args.Length > 0 ? args[0] : "tests/Shared/Corpus/phone-corpus.json";
var util = PhoneNumberUtil.GetInstance();
string[] agents = ["US", "GB", "AU", "DE", "FR", "CA", "IT", "BR", "IN", "ES"];
PhoneNumberType[] types = [PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE];

var kept = JsonNode.Parse(File.ReadAllText(path))!.AsArray()
    .Where(p => !p!["category"]!.GetValue<string>().StartsWith("gen-", StringComparison.Ordinal))
    .Select(p => p!.ToJsonString())
    .ToList();
var generated = new List<string>();
var seen = new HashSet<string>();
var turn = 0;

foreach (var region in util.GetSupportedRegions().Order(StringComparer.Ordinal))
{
    foreach (var type in types)
    {
        var number = util.GetExampleNumberForType(region, type);
        if (number is null || !seen.Add(util.Format(number, PhoneNumberFormat.E164)))
        {
            continue;
        }

        var kind = type == PhoneNumberType.MOBILE ? "mobile" : "fixed";
        Positives(number, $"gen-example-{kind}", 3);
        if (type == PhoneNumberType.FIXED_LINE)
        {
            Negatives(number);
        }
    }

    // A range the metadata does not know yet: a possible length, not a valid number.
    if (Unallocated(util.GetExampleNumber(region)) is { } unknown && seen.Add(util.Format(unknown, PhoneNumberFormat.E164)))
    {
        Positives(unknown, "gen-unallocated-range", 2);
    }
}

var json = new StringBuilder("[\n");
json.AppendJoin(",\n", kept.Concat(generated).Select(line => "  " + line));
json.Append("\n]\n");
File.WriteAllText(path, json.ToString());
Console.WriteLine($"{kept.Count} hand-written pairs kept, {generated.Count} generated ({generated.Count(g => g.Contains("\"match\":true", StringComparison.Ordinal))} must match).");

void Positives(PhoneNumber number, string category, int count)
{
    var renderings = Renderings(number).ToList();
    for (var i = 0; i < count; i++)
    {
        var agent = agents[turn++ % agents.Length];
        var (name, stored) = renderings[(turn + i) % renderings.Count];
        var idd = AgentIdd(agent);
        if (stored.Contains("{idd}", StringComparison.Ordinal) && idd is null)
        {
            continue;
        }

        stored = stored.Replace("{idd}", idd, StringComparison.Ordinal);
        if (!Unambiguous(stored, agent))
        {
            continue;
        }

        var caller = turn % 4 == 0 ? util.Format(number, PhoneNumberFormat.INTERNATIONAL) : util.Format(number, PhoneNumberFormat.E164);
        Add(agent, caller, stored, true, $"{category}-{name}");
    }
}

void Negatives(PhoneNumber number)
{
    var agent = agents[turn++ % agents.Length];
    var e164 = util.Format(number, PhoneNumberFormat.E164);
    var nsn = util.GetNationalSignificantNumber(number);
    var other = number.CountryCode == 44 ? 49 : 44;
    Add(agent, e164, $"+{other} {nsn}", false, "gen-neg-other-country-same-digits");

    var last = e164[^1];
    var offByOne = e164[..^1] + (char)('0' + ((last - '0' + 1) % 10));
    Add(agent, e164, "00 " + Spaced(offByOne[1..]), false, "gen-neg-one-digit-off");

    if (nsn.Length > 4)
    {
        Add(agent, e164, ("+" + number.CountryCode + "." + nsn[..^2]).Replace(" ", ".", StringComparison.Ordinal), false, "gen-neg-prefix-of-number");
    }
}

IEnumerable<(string Name, string Stored)> Renderings(PhoneNumber number)
{
    var international = util.Format(number, PhoneNumberFormat.INTERNATIONAL);
    var rest = international[1..];
    var afterCode = rest[(number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1)..];
    yield return ("plus-spaces", international);
    yield return ("00-spaces", "00 " + rest);
    yield return ("plus-dots", international.Replace(' ', '.'));
    yield return ("plus-dashes", international.Replace(' ', '-'));
    yield return ("agent-idd", "{idd} " + rest);
    yield return ("00-compact", "00" + rest.Replace(" ", "", StringComparison.Ordinal));
    yield return ("plus-parentheses", $"(+{number.CountryCode}) {afterCode}");
    yield return ("00-dots", "00." + rest.Replace(' ', '.'));
}

// The agent's own international prefix as people write it (011 in US, 0011 in AU); none where it is a carrier choice (BR).
string? AgentIdd(string agent)
{
    var metadata = util.GetMetadataForRegion(agent);
    var idd = metadata.HasPreferredInternationalPrefix ? metadata.PreferredInternationalPrefix : metadata.InternationalPrefix;
    return idd.All(char.IsAsciiDigit) ? idd : null;
}

// A pair whose stored text also reads as a valid number of the agent's own plan is ambiguous: people there dial it nationally.
bool Unambiguous(string stored, string agent)
{
    if (stored.StartsWith('+') || stored.StartsWith("(+", StringComparison.Ordinal))
    {
        return true;
    }

    try
    {
        var digits = new string(stored.Where(char.IsAsciiDigit).ToArray());
        var idd = AgentIdd(agent);
        return (idd is not null && digits.StartsWith(idd, StringComparison.Ordinal)) || !util.IsValidNumber(util.Parse(digits, agent));
    }
    catch (NumberParseException)
    {
        return true;
    }
}

PhoneNumber? Unallocated(PhoneNumber? example)
{
    if (example is null)
    {
        return null;
    }

    var nsn = util.GetNationalSignificantNumber(example);
    for (var position = 0; position < Math.Min(3, nsn.Length); position++)
    {
        for (var digit = '0'; digit <= '9'; digit++)
        {
            var candidate = new PhoneNumber.Builder().SetCountryCode(example.CountryCode)
                .SetNationalNumber(ulong.Parse(nsn[..position] + digit + nsn[(position + 1)..], System.Globalization.CultureInfo.InvariantCulture))
                .Build();
            if (nsn[position] != digit && nsn[0] != '0' && (position > 0 || digit != '0') && util.IsPossibleNumber(candidate) && !util.IsValidNumber(candidate)
                && util.GetRegionCodeForNumber(candidate) is null && FitsPlan(candidate))
            {
                return candidate;
            }
        }
    }

    return null;
}

// The shape of the country's plan (its general pattern): a range that could be allocated, as opposed to no number at all.
bool FitsPlan(PhoneNumber number)
{
    var pattern = util.GetMetadataForRegion(util.GetRegionCodeForCountryCode(number.CountryCode))?.GeneralDesc?.NationalNumberPattern;
    return pattern is not null && System.Text.RegularExpressions.Regex.IsMatch(util.GetNationalSignificantNumber(number), $"^(?:{pattern})$");
}

string Spaced(string digits) => string.Join(' ', digits.Chunk(3).Select(c => new string(c)));

void Add(string region, string callerId, string stored, bool match, string category) =>
    generated.Add(JsonSerializer.Serialize(new Pair(region, callerId, stored, match, category), PairJson.Options));

internal sealed record Pair(string Region, string CallerId, string Stored, bool Match, string Category);

internal static class PairJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
