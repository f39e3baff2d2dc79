namespace DataverseEmulator.Seeding.Generation;

/// <summary>
/// The countries a generated seed draws numbers from, with the formats their numbers are typically stored in.
/// North American numbers favour the 555 exchange and British London numbers the 020 7946 drama range where
/// the space allows; the rest are well-formed numbers of the right length, drawn at random.
/// </summary>
internal static class PhonePlans
{
    private static readonly string[] UsAreas =
    [
        "201", "202", "206", "212", "213", "214", "215", "303", "305", "310", "312", "313", "314", "404", "408", "415",
        "425", "503", "512", "602", "612", "617", "619", "646", "702", "704", "713", "718", "720", "801", "804", "813",
        "816", "818", "858", "901", "916", "919", "949", "971",
    ];

    private static readonly string[] GbAreas = ["113", "114", "117", "118", "121", "131", "141", "151", "161", "191"];

    public static readonly PhonePlan UnitedStates = new("US", "1",
    [
        (new PhoneRange("us", r => r.Pick(UsAreas) + (r.Chance(0.3) ? "555" : Exchange(r)) + r.Digits(4),
            ["(###) ###-####", "###-###-####", "###.###.####", "+1 ### ### ####", "+1##########", "### ### ####", "1-###-###-####", "(###) ###-#### x$$$"]), 1.0),
    ]);

    public static readonly PhonePlan UnitedKingdom = new("GB", "44",
    [
        (new PhoneRange("gb-london", r => "20" + (r.Chance(0.2) ? "7946" + r.Digits(4) : r.Pick(["7", "8", "3"]) + r.Digits(7)),
            ["0## #### ####", "+44 ## #### ####", "+44 (0)## #### ####", "+44##########", "(0##) #### ####", "0## #### #### ext $$$"]), 0.5),
        (new PhoneRange("gb-regional", r => r.Pick(GbAreas) + r.Digits(7),
            ["0### ### ####", "+44 ### ### ####", "+44 (0)### ### ####", "0##########"]), 0.3),
        (new PhoneRange("gb-mobile", r => "7" + r.Pick(["700", "400", "500", "800", "900"]) + r.Digits(6),
            ["0#### ######", "+44 #### ######", "+44##########", "0#### ### ###"]), 0.2),
    ]);

    public static readonly PhonePlan Australia = new("AU", "61",
    [
        (new PhoneRange("au-geographic", r => r.Pick(["2", "3", "7", "8"]) + (r.Chance(0.3) ? "5550" + r.Digits(4) : r.Digits(8)),
            ["(0#) #### ####", "0# #### ####", "+61 # #### ####", "+61#########"]), 0.6),
        (new PhoneRange("au-mobile", r => "4" + r.Digits(8),
            ["0### ### ###", "+61 ### ### ###", "0#########", "+61#########"]), 0.4),
    ]);

    public static readonly PhonePlan Germany = new("DE", "49",
    [
        (new PhoneRange("de-city", r => r.Pick(["30", "40", "89", "69"]) + r.Digits(8),
            ["+49 ## ########", "0## ########", "0##/####-####", "+49 (0)## #### ####", "(0##) #### ####", "+49##########"]), 0.6),
        (new PhoneRange("de-mobile", r => r.Pick(["151", "160", "170", "176"]) + r.Digits(8),
            ["0### ########", "+49 ### ########", "+49###########", "0###-########"]), 0.4),
    ]);

    public static readonly PhonePlan France = new("FR", "33",
    [
        (new PhoneRange("fr-geographic", r => r.Pick(["1", "2", "3", "4", "5"]) + (r.Chance(0.2) ? "9900" + r.Digits(4) : r.Digits(8)),
            ["0# ## ## ## ##", "+33 # ## ## ## ##", "0#.##.##.##.##", "+33 (0)# ## ## ## ##", "0#########", "+33#########"]), 0.6),
        (new PhoneRange("fr-mobile", r => r.Pick(["6", "7"]) + r.Digits(8),
            ["0# ## ## ## ##", "+33 # ## ## ## ##", "0#.##.##.##.##", "+33#########"]), 0.4),
    ]);

    /// <summary>Each country with the share of records that live there.</summary>
    public static readonly IReadOnlyList<(PhonePlan Plan, double Share)> Countries =
        [(UnitedStates, 0.55), (UnitedKingdom, 0.15), (Australia, 0.1), (Germany, 0.1), (France, 0.1)];

    public static PhonePlan PickCountry(SeedRandom random)
    {
        var roll = random.Next(1_000_000) / 1_000_000.0;
        foreach (var (plan, share) in Countries)
        {
            roll -= share;
            if (roll < 0)
            {
                return plan;
            }
        }

        return UnitedStates;
    }

    /// <summary>A North American exchange: any of 200–999 except the N11 service codes.</summary>
    private static string Exchange(SeedRandom random)
    {
        while (true)
        {
            var exchange = 200 + random.Next(800);
            if (exchange % 100 != 11)
            {
                return exchange.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
