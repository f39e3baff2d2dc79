using DataverseEmulator.Values;

namespace DataverseEmulator.Seeding.Generation;

/// <summary>
/// Makes a synthetic organisation: contacts, and a tenth as many accounts and leads, with numbers from several
/// countries stored the many ways people type them; switchboard numbers shared by three contacts; inactive
/// records; and near-miss decoys (same last seven digits, another area or country). Everything comes from one
/// <see cref="SeedRandom"/>, so a seed number always gives the same organisation.
/// </summary>
internal sealed partial class SeedGenerator(int seedNumber)
{
    public const int DefaultExpectedCallers = 200;
    private const int SwitchboardEvery = 500;
    private const int SwitchboardSize = 3;

    private readonly SeedRandom _random = new(seedNumber);
    private readonly List<PhoneUse> _uses = [];
    private readonly Dictionary<ulong, int> _holders = [];
    private readonly List<(PhoneUse Target, PhoneUse Decoy)> _decoys = [];
    private readonly List<List<PhoneUse>> _switchboards = [];
    private readonly Dictionary<(string, string), string> _fullNames = [];
    private readonly SetBuilder _contacts = new("contacts", "contact", "contactid",
        ["fullname", "firstname", "lastname", "telephone1", "telephone2", "mobilephone", "address1_city", "statecode", "statuscode"]);
    private readonly SetBuilder _accounts = new("accounts", "account", "accountid",
        ["name", "telephone1", "telephone2", "address1_city", "statecode", "statuscode"]);
    private readonly SetBuilder _leads = new("leads", "lead", "leadid",
        ["fullname", "firstname", "lastname", "companyname", "telephone1", "mobilephone", "statecode", "statuscode"]);

    public int SeedNumber { get; } = seedNumber;

    public GeneratedSeed Generate(int contacts, int expectedCallers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contacts);
        var companies = Math.Max(1, contacts / 10);
        _uses.EnsureCapacity(contacts * 2);
        _holders.EnsureCapacity(contacts * 2);
        _contacts.Rows.EnsureCapacity(contacts);
        for (var i = 0; i < companies; i++)
        {
            AddAccount(PhonePlans.PickCountry(_random), active: !_random.Chance(0.02), telephone: null);
        }

        for (var i = 0; i < companies; i++)
        {
            AddLead(PhonePlans.PickCountry(_random), active: !_random.Chance(0.1), telephone: null);
        }

        for (var i = 0; i < contacts; i++)
        {
            if (i % SwitchboardEvery == SwitchboardEvery - 1 && contacts - i >= SwitchboardSize)
            {
                AddSwitchboard();
                i += SwitchboardSize - 1;
                continue;
            }

            var use = AddContact(PhonePlans.PickCountry(_random), active: !_random.Chance(0.03), telephone: null);
            if (use.Active && _random.Chance(0.01))
            {
                AddDecoy(use);
            }
        }

        return new GeneratedSeed([_contacts.Build(), _accounts.Build(), _leads.Build()], ExpectedCallers(expectedCallers));
    }

    private PhoneUse AddContact(PhonePlan plan, bool active, GeneratedPhone? telephone)
    {
        var cells = _contacts.NewCells();
        Person(cells, _contacts);
        var phone = telephone ?? Draw(plan, mobile: _random.Chance(0.25));
        _contacts.Set(cells, "telephone1", phone.Stored);
        GeneratedPhone? mobile = _random.Chance(0.5) ? Draw(plan, mobile: true) : null;
        GeneratedPhone? second = _random.Chance(0.15) ? Draw(plan, mobile: false) : null;
        _contacts.Set(cells, "mobilephone", mobile?.Stored);
        _contacts.Set(cells, "telephone2", second?.Stored);
        _contacts.Set(cells, "address1_city", _random.Pick(NamePools.Cities(plan.Region)));
        SetState(cells, _contacts, active);
        var row = _contacts.Add(_random.NextGuid(), cells);
        if (mobile is { } m)
        {
            Record(new PhoneUse(0, row, "mobilephone", active, m));
        }

        if (second is { } t)
        {
            Record(new PhoneUse(0, row, "telephone2", active, t));
        }

        return Record(new PhoneUse(0, row, "telephone1", active, phone));
    }

    private PhoneUse AddAccount(PhonePlan plan, bool active, GeneratedPhone? telephone)
    {
        var cells = _accounts.NewCells();
        var name = $"{_random.Pick(NamePools.CompanyWords)} {_random.Pick(NamePools.CompanyKinds)} {NamePools.CompanySuffix(plan.Region)}";
        _accounts.Set(cells, "name", name);
        var phone = telephone ?? Draw(plan, mobile: false);
        _accounts.Set(cells, "telephone1", phone.Stored);
        GeneratedPhone? second = telephone is null && _random.Chance(0.2) ? Draw(plan, mobile: false) : null;
        _accounts.Set(cells, "telephone2", second?.Stored);
        _accounts.Set(cells, "address1_city", _random.Pick(NamePools.Cities(plan.Region)));
        SetState(cells, _accounts, active);
        var row = _accounts.Add(_random.NextGuid(), cells);
        if (second is { } s)
        {
            Record(new PhoneUse(1, row, "telephone2", active, s));
        }

        return Record(new PhoneUse(1, row, "telephone1", active, phone));
    }

    private PhoneUse AddLead(PhonePlan plan, bool active, GeneratedPhone? telephone)
    {
        var cells = _leads.NewCells();
        Person(cells, _leads);
        _leads.Set(cells, "companyname", $"{_random.Pick(NamePools.CompanyWords)} {_random.Pick(NamePools.CompanyKinds)}");
        var phone = telephone ?? Draw(plan, mobile: _random.Chance(0.3));
        _leads.Set(cells, "telephone1", phone.Stored);
        GeneratedPhone? mobile = telephone is null && _random.Chance(0.4) ? Draw(plan, mobile: true) : null;
        _leads.Set(cells, "mobilephone", mobile?.Stored);
        SetState(cells, _leads, active);
        var row = _leads.Add(_random.NextGuid(), cells);
        if (mobile is { } m)
        {
            Record(new PhoneUse(2, row, "mobilephone", active, m));
        }

        return Record(new PhoneUse(2, row, "telephone1", active, phone));
    }

    /// <summary>Three active contacts of one company sharing a main number, each stored in its own format.</summary>
    private void AddSwitchboard()
    {
        var plan = PhonePlans.PickCountry(_random);
        var range = plan.Pick(_random, mobile: false);
        var number = range.Draw(_random);
        var group = new List<PhoneUse>();
        for (var i = 0; i < SwitchboardSize; i++)
        {
            group.Add(AddContact(plan, active: true, GeneratedPhone.Format(plan, range, number, _random)));
        }

        _switchboards.Add(group);
    }

    /// <summary>A lead or account whose number is a near miss of <paramref name="target"/>'s: same last seven digits, another area or country.</summary>
    private void AddDecoy(PhoneUse target)
    {
        var phone = NearMiss(target, otherCountry: _random.Chance(0.5));
        var decoy = _random.Chance(0.5) ? AddLead(phone.Plan, active: true, phone) : AddAccount(phone.Plan, active: true, phone);
        _decoys.Add((target, decoy));
    }

    /// <summary>A number in <paramref name="of"/>'s country (or another) whose last seven digits are the same and the rest not.</summary>
    private GeneratedPhone NearMiss(PhoneUse of, bool otherCountry)
    {
        var last7 = of.NationalNumber[^7..];
        var home = of.Plan;
        while (true)
        {
            var plan = otherCountry ? _random.Pick(PhonePlans.Countries.Where(c => c.Plan != home).Select(c => c.Plan).ToList()) : home;
            var range = plan.Pick(_random, mobile: _random.Chance(0.2));
            var drawn = range.Draw(_random);
            var number = drawn[..^7] + last7;
            if (plan != home || number != of.NationalNumber)
            {
                return GeneratedPhone.Format(plan, range, number, _random);
            }
        }
    }

    private GeneratedPhone Draw(PhonePlan plan, bool mobile) => GeneratedPhone.Draw(plan, plan.Pick(_random, mobile), _random);

    private void Person(object?[] cells, SetBuilder set)
    {
        var first = _random.Pick(NamePools.FirstNames);
        var last = _random.Pick(NamePools.LastNames);
        if (!_fullNames.TryGetValue((first, last), out var full))
        {
            full = first + " " + last;
            _fullNames[(first, last)] = full;
        }

        set.Set(cells, "firstname", first);
        set.Set(cells, "lastname", last);
        set.Set(cells, "fullname", full);
    }

    private static void SetState(object?[] cells, SetBuilder set, bool active)
    {
        set.Set(cells, "statecode", CellValues.Box(active ? 0 : 1));
        set.Set(cells, "statuscode", CellValues.Box(active ? 1 : 2));
    }

    private PhoneUse Record(PhoneUse use)
    {
        _uses.Add(use);
        _holders[use.Digits] = _holders.GetValueOrDefault(use.Digits) + 1;
        return use;
    }
}
