namespace DataverseEmulator.Seeding.Generation;

/// <summary>Names, companies and cities a generated seed draws from, per country where it shows.</summary>
internal static class NamePools
{
    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Oliver", "Amelia", "Harry", "Isla",
        "George", "Ava", "Noah", "Mia", "Jack", "Grace", "Lukas", "Emma", "Leon", "Hannah", "Felix", "Sophie", "Lucas", "Chloé",
        "Hugo", "Léa", "Louis", "Manon", "Wei", "Priya", "Ahmed", "Fatima", "Diego", "Camila", "Kenji", "Aiko", "Sean", "Niamh",
        "Liam", "Olivia", "Ethan", "Zoe", "Mateo", "Lucía", "Arjun", "Ananya",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
        "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Bennett", "Clarke", "Evans", "Hughes", "Patel", "Khan",
        "Murphy", "O'Brien", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Dubois",
        "Durand", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel", "Chen", "Wang", "Nguyen", "Kim", "Singh", "Tanaka", "Rossi",
    ];

    public static readonly string[] CompanyWords =
    [
        "Contoso", "Fabrikam", "Northwind", "Adventure", "Tailspin", "Litware", "Proseware", "Wingtip", "Woodgrove", "Alpine",
        "Coho", "Fourth", "Graphic", "Humongous", "Lucerne", "Margie's", "Southridge", "Trey", "Wide World", "Blue Yonder",
    ];

    public static readonly string[] CompanyKinds = ["Trading", "Logistics", "Foods", "Energy", "Health", "Media", "Systems", "Partners", "Travel", "Motors"];

    public static string CompanySuffix(string region) => region switch
    {
        "GB" => "Ltd",
        "AU" => "Pty Ltd",
        "DE" => "GmbH",
        "FR" => "SARL",
        _ => "Inc",
    };

    private static readonly string[] GbCities = ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh", "Bristol", "Liverpool"];
    private static readonly string[] AuCities = ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra"];
    private static readonly string[] DeCities = ["Berlin", "Hamburg", "München", "Frankfurt", "Köln", "Stuttgart"];
    private static readonly string[] FrCities = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille"];
    private static readonly string[] UsCities = ["Seattle", "Redmond", "New York", "Chicago", "Austin", "Denver", "Boston", "Atlanta", "Miami", "Portland"];

    public static IReadOnlyList<string> Cities(string region) => region switch
    {
        "GB" => GbCities,
        "AU" => AuCities,
        "DE" => DeCities,
        "FR" => FrCities,
        _ => UsCities,
    };
}
