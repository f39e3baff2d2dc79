namespace DataverseEmulator.Store.Indexing;

/// <summary>
/// An ordered index of (key, row id) entries, as SQL Server keeps a B-tree: entries sit in sorted blocks of at
/// most <see cref="BlockCapacity"/>, so a seek is two binary searches and an insert or delete moves at most one
/// block. Equal keys are ordered by row id. Not thread-safe: the table's lock guards it.
/// </summary>
internal sealed class SortedIndex<TKey>(IComparer<TKey> comparer)
{
    private const int BlockCapacity = 512;

    // A bulk load leaves room in each block, as a B-tree's fill factor does, so the first inserts do not split.
    private const int LoadFill = BlockCapacity * 3 / 4;
    private readonly IComparer<TKey> _comparer = comparer;
    private readonly List<Block> _blocks = [];

    public int Count { get; private set; }

    /// <summary>Replaces the contents with <paramref name="entries"/>, sorting them once (a bulk load).</summary>
    public void Load(IEnumerable<(TKey Key, Guid Id)> entries)
    {
        var all = entries.ToArray();
        Array.Sort(all, (a, b) => Compare(a.Key, a.Id, b.Key, b.Id));
        LoadSorted(all);
    }

    /// <summary>Replaces the contents with entries already in index order.</summary>
    public void LoadSorted(IReadOnlyList<(TKey Key, Guid Id)> all)
    {
        _blocks.Clear();
        for (var start = 0; start < all.Count; start += LoadFill)
        {
            var block = new Block();
            var length = Math.Min(LoadFill, all.Count - start);
            for (var i = 0; i < length; i++)
            {
                block.Keys[i] = all[start + i].Key;
                block.Ids[i] = all[start + i].Id;
            }

            block.Count = length;
            _blocks.Add(block);
        }

        Count = all.Count;
    }

    public void Add(TKey key, Guid id)
    {
        if (_blocks.Count == 0)
        {
            _blocks.Add(new Block());
        }

        var b = BlockFor(key, id);
        var block = _blocks[b];
        var position = block.LowerBound(this, key, id);
        block.Insert(position, key, id);
        Count++;
        if (block.Count == BlockCapacity)
        {
            _blocks.Insert(b + 1, block.SplitOff());
        }
    }

    public bool Remove(TKey key, Guid id)
    {
        if (_blocks.Count == 0)
        {
            return false;
        }

        var b = BlockFor(key, id);
        var block = _blocks[b];
        var position = block.LowerBound(this, key, id);
        if (position >= block.Count || Compare(block.Keys[position], block.Ids[position], key, id) != 0)
        {
            return false;
        }

        block.RemoveAt(position);
        Count--;
        if (block.Count == 0)
        {
            _blocks.RemoveAt(b);
        }

        return true;
    }

    /// <summary>Entries whose key is at least <paramref name="key"/>, in order; stop enumerating when past the range.</summary>
    public IEnumerable<(TKey Key, Guid Id)> From(TKey key)
    {
        if (_blocks.Count == 0)
        {
            yield break;
        }

        // First block whose last key is not below the bound; every earlier block is entirely below it.
        int lo = 0, hi = _blocks.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var last = _blocks[mid];
            if (_comparer.Compare(last.Keys[last.Count - 1], key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var position = _blocks[lo].LowerBound(this, key, null);
        for (var b = lo; b < _blocks.Count; b++)
        {
            var block = _blocks[b];
            for (var i = b == lo ? position : 0; i < block.Count; i++)
            {
                yield return (block.Keys[i], block.Ids[i]);
            }
        }
    }

    private int Compare(TKey leftKey, Guid leftId, TKey rightKey, Guid rightId)
    {
        var order = _comparer.Compare(leftKey, rightKey);
        return order != 0 ? order : leftId.CompareTo(rightId);
    }

    /// <summary>The block an entry belongs in: the first whose last entry is not below it, else the last block.</summary>
    private int BlockFor(TKey key, Guid id)
    {
        int lo = 0, hi = _blocks.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var last = _blocks[mid];
            if (Compare(last.Keys[last.Count - 1], last.Ids[last.Count - 1], key, id) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private sealed class Block
    {
        public TKey[] Keys { get; private set; } = new TKey[BlockCapacity];

        public Guid[] Ids { get; private set; } = new Guid[BlockCapacity];

        public int Count { get; set; }

        /// <summary>First position not below (key, id); with no id, the first position whose key is not below key.</summary>
        public int LowerBound(SortedIndex<TKey> index, TKey key, Guid? id)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                var order = id is { } exact ? index.Compare(Keys[mid], Ids[mid], key, exact) : index._comparer.Compare(Keys[mid], key);
                if (order < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        public void Insert(int position, TKey key, Guid id)
        {
            Array.Copy(Keys, position, Keys, position + 1, Count - position);
            Array.Copy(Ids, position, Ids, position + 1, Count - position);
            Keys[position] = key;
            Ids[position] = id;
            Count++;
        }

        public void RemoveAt(int position)
        {
            Array.Copy(Keys, position + 1, Keys, position, Count - position - 1);
            Array.Copy(Ids, position + 1, Ids, position, Count - position - 1);
            Count--;
            Keys[Count] = default!;
        }

        /// <summary>Moves the upper half into a new block and returns it.</summary>
        public Block SplitOff()
        {
            var half = Count / 2;
            var upper = new Block();
            Array.Copy(Keys, half, upper.Keys, 0, Count - half);
            Array.Copy(Ids, half, upper.Ids, 0, Count - half);
            upper.Count = Count - half;
            Array.Clear(Keys, half, Count - half);
            Count = half;
            return upper;
        }
    }
}
