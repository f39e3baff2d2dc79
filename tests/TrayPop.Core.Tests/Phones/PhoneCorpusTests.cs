using System.Globalization;
using Xunit.Abstractions;

namespace TrayPop.Core.Tests.Phones;

public sealed class PhoneCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<PhoneCorpusPair> Pairs = PhoneCorpus.Load();

    [Fact]
    public void Corpus_WhenEveryPairIsMatched_HasFullPrecisionAndRecall()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        var wrong = new List<string>();
        foreach (var pair in Pairs)
        {
            var caller = PhoneTestServices.Parser(pair.Region).Parse(pair.CallerId);
            var matched = PhoneTestServices.Matcher(pair.Region).IsSameNumber(caller, pair.Stored);
            switch (matched, pair.Match)
            {
                case (true, true): truePositives++; break;
                case (true, false): falsePositives++; wrong.Add($"false positive {pair} caller={caller.E164 ?? caller.Text}"); break;
                case (false, true): falseNegatives++; wrong.Add($"false negative {pair} caller={caller.E164 ?? caller.Text}"); break;
                default: trueNegatives++; break;
            }
        }

        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Pairs.Count} pairs: precision {precision:P2}, recall {recall:P2} (TP {truePositives}, FP {falsePositives}, FN {falseNegatives}, TN {trueNegatives})"));
        wrong.ForEach(output.WriteLine);

        Assert.Empty(wrong);
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
    }

    [Fact]
    public void Corpus_WhenLoaded_CoversEnoughPairsCountriesAndNegatives()
    {
        Assert.True(Pairs.Count >= 160, $"{Pairs.Count} pairs");
        Assert.True(Pairs.Select(p => p.Region).Distinct().Count() >= 6);
        Assert.True(Pairs.Count(p => !p.Match) >= 60);
        Assert.All(Pairs, p => Assert.False(string.IsNullOrWhiteSpace(p.Category)));
    }
}
