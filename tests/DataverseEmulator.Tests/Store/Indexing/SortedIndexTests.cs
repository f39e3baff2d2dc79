using DataverseEmulator.Store.Indexing;

namespace DataverseEmulator.Tests.Store.Indexing;

public class SortedIndexTests
{
    [Fact]
    public void From_ReturnsEntriesAtOrAfterTheBound_InKeyOrder()
    {
        var index = new SortedIndex<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in new[] { "c", "a", "e", "b", "d" })
        {
            index.Add(key, Guid.NewGuid());
        }

        Assert.Equal(["c", "d", "e"], index.From("C").Select(e => e.Key));
        Assert.Empty(index.From("f"));
    }

    [Fact]
    public void Add_EqualKeys_AreKeptAndOrderedById()
    {
        var index = new SortedIndex<string>(StringComparer.OrdinalIgnoreCase);
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            index.Add("same", id);
        }

        Assert.Equal(ids.Order(), index.From("SAME").Select(e => e.Id));
    }

    [Fact]
    public void Remove_TakesOutOnlyThatEntry()
    {
        var index = new SortedIndex<string>(StringComparer.OrdinalIgnoreCase);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        index.Add("k", first);
        index.Add("k", second);

        Assert.True(index.Remove("k", first));
        Assert.False(index.Remove("k", first));
        Assert.False(index.Remove("other", second));
        Assert.Equal([second], index.From("k").Select(e => e.Id));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void ManyInsertsAndDeletes_AcrossBlocks_MatchASortedList()
    {
        var index = new SortedIndex<string>(StringComparer.OrdinalIgnoreCase);
        var reference = new List<(string Key, Guid Id)>();
        var random = new Random(7);
        for (var step = 0; step < 20_000; step++)
        {
            if (reference.Count > 0 && random.Next(3) == 0)
            {
                var victim = reference[random.Next(reference.Count)];
                reference.Remove(victim);
                Assert.True(index.Remove(victim.Key, victim.Id));
            }
            else
            {
                var entry = (random.Next(5000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid());
                reference.Add(entry);
                index.Add(entry.Item1, entry.Item2);
            }
        }

        var expected = reference.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id).ToList();
        Assert.Equal(expected, index.From(string.Empty).ToList());
        Assert.Equal(expected.Count, index.Count);
        Assert.Equal(expected.Where(e => e.Key.StartsWith("012", StringComparison.Ordinal)),
            index.From("012").TakeWhile(e => e.Key.StartsWith("012", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_SortsOnce_AndLaterAddsKeepTheOrder()
    {
        var index = new SortedIndex<string>(StringComparer.OrdinalIgnoreCase);
        index.Load(Enumerable.Range(0, 3000).Select(i => ((3000 - i).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid())));
        index.Add("1500x", Guid.NewGuid());

        var keys = index.From("1499").Take(3).Select(e => e.Key).ToList();

        Assert.Equal(["1499", "1500", "1500x"], keys);
        Assert.Equal(3001, index.Count);
    }

    [Fact]
    public void Load_ThenManyAddsIntoOneBlock_SplitsItAsNeeded()
    {
        var index = new SortedIndex<string>(StringComparer.Ordinal);
        index.Load(Enumerable.Range(0, 2000).Select(i => (i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid())));

        for (var i = 0; i < 2000; i++)
        {
            index.Add("000100x" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid());
        }

        Assert.Equal(4000, index.Count);
        Assert.Equal(2000, index.From("000100x").TakeWhile(e => e.Key.StartsWith("000100x", StringComparison.Ordinal)).Count());
    }
}
