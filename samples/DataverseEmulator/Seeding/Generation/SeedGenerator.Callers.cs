namespace DataverseEmulator.Seeding.Generation;

/// <summary>
/// The sample of callers whose answer is known, drawn after the records: unique numbers (some with a near-miss
/// decoy stored nearby), switchboards (several matches), and numbers no active record holds (near misses of
/// stored numbers, and numbers only inactive records hold).
/// </summary>
internal sealed partial class SeedGenerator
{
    private ExpectedCaller[] ExpectedCallers(int count)
    {
        var callers = new List<ExpectedCaller>();
        var taken = new HashSet<ulong>();
        if (count <= 0 || _uses.Count == 0)
        {
            return [];
        }

        var decoyNearby = count / 10;
        var multiple = Math.Min(count / 10, _switchboards.Count);
        var nearMiss = count * 15 / 100;
        var inactive = count / 10;
        var unique = count - decoyNearby - multiple - nearMiss - inactive;

        foreach (var (target, decoy) in _decoys.Take(decoyNearby))
        {
            if (IsUnique(target) && _holders[decoy.Digits] == 1 && taken.Add(target.Digits))
            {
                callers.Add(new ExpectedCaller(target.E164, "match", [Match(target)], $"decoy-nearby: {Stored(decoy)} in {SetFor(decoy).LogicalName} shares the last 7 digits"));
            }
        }

        foreach (var group in _switchboards.Take(multiple))
        {
            if (_holders[group[0].Digits] == group.Count && taken.Add(group[0].Digits))
            {
                callers.Add(new ExpectedCaller(group[0].E164, "multiple", [.. group.Select(Match)], "switchboard"));
            }
        }

        Sample(unique, use => use.Active && IsUnique(use), use =>
            new ExpectedCaller(use.E164, "match", [Match(use)], "unique"));
        Sample(inactive, use => !use.Active && _holders[use.Digits] == 1, use =>
            new ExpectedCaller(use.E164, "none", [], $"inactive: only {SetFor(use).LogicalName} {RowOf(use).Id:D}, statecode 1, holds it"));
        for (var attempts = 0; callers.Count(c => c.Note.StartsWith("near-miss", StringComparison.Ordinal)) < nearMiss && attempts < nearMiss * 20; attempts++)
        {
            var use = _uses[_random.Next(_uses.Count)];
            var miss = NearMiss(use, otherCountry: _random.Chance(0.5));
            if (!_holders.ContainsKey(miss.Digits) && taken.Add(miss.Digits))
            {
                callers.Add(new ExpectedCaller(miss.E164, "none", [], $"near-miss of {use.E164} ({Stored(use)}) in {SetFor(use).LogicalName}"));
            }
        }

        return [.. callers];

        void Sample(int wanted, Func<PhoneUse, bool> fits, Func<PhoneUse, ExpectedCaller> make)
        {
            for (var found = 0; found < wanted;)
            {
                var fitting = false;
                for (var attempt = 0; attempt < 2000 && !fitting; attempt++)
                {
                    var use = _uses[_random.Next(_uses.Count)];
                    if (fits(use) && taken.Add(use.Digits))
                    {
                        callers.Add(make(use));
                        fitting = true;
                    }
                }

                if (!fitting)
                {
                    return;
                }

                found++;
            }
        }
    }

    private bool IsUnique(PhoneUse use) => _holders[use.Digits] == 1;

    private SetBuilder SetFor(PhoneUse use) => use.Set switch
    {
        0 => _contacts,
        1 => _accounts,
        _ => _leads,
    };

    private SeedRow RowOf(PhoneUse use) => SetFor(use).Rows[use.Row];

    private ExpectedMatch Match(PhoneUse use)
    {
        var set = SetFor(use);
        var name = set.Get(use.Row, set == _accounts ? "name" : "fullname") as string ?? string.Empty;
        return new ExpectedMatch(set.LogicalName, RowOf(use).Id!.Value, name, use.Column, Stored(use), PhoneRange.FormatName(use.Template));
    }

    private string Stored(PhoneUse use) => (string)SetFor(use).Get(use.Row, use.Column)!;
}
