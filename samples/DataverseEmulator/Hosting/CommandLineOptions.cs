namespace DataverseEmulator.Hosting;

/// <summary>
/// Options of the standalone emulator:
/// <c>--urls URL --seed FILE --org NAME --require-token --token TOKEN --client ID=SECRET --verbose --print-seed</c>,
/// the scale options <c>--scan-limit N --key-index-seconds S --generated-seed N --generator-seed S</c>, and the
/// seed generator <c>--generate-seed N --out FILE [--callers-out FILE] [--expected-callers K]</c>.
/// </summary>
internal sealed class CommandLineOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public const string Usage = """
        Dataverse emulator for TrayPop.
        Usage: DataverseEmulator [--urls URL] [--seed FILE.json | --generated-seed N] [--org NAME] [--require-token]
                                 [--token TOKEN]... [--client ID=SECRET]... [--scan-limit N] [--key-index-seconds S]
                                 [--verbose] [--print-seed]
               DataverseEmulator --generate-seed N --out FILE.json [--callers-out FILE] [--generator-seed S]
          --urls URL        listening URL (default http://127.0.0.1:5080; port 0 picks a free one)
          --seed FILE       records as the Web API returns them: {"contacts":[…],"accounts":[…],"leads":[…]}
          --generated-seed N  start with N generated contacts (and N/10 accounts and leads) instead of a seed file;
                            their expected callers are served at GET /_emulator/callers
          --generator-seed S  number the generator starts from (default 1); the same S gives the same records
          --org NAME        serve under /NAME/ like an on-premises organisation
          --require-token   Web API requests need Authorization: Bearer with an accepted token
          --token TOKEN     accept this bearer token (never expires)
          --client ID=SECRET  register a client for POST /{tenant}/oauth2/v2.0/token
          --scan-limit N    tables with more rows than N refuse leading-wildcard scans with 0x80048573
                            (LeadingWildcardCauseTimeout), as Dataverse times them out (default 50000)
          --key-index-seconds S  a new alternate key is Pending S seconds, then InProgress S seconds, then Active
                            (default 2; 0 makes keys Active at once)
          --verbose         log each Web API request and injected fault
          --print-seed      print the built-in sample seed and exit
          --generate-seed N write a generated seed of N contacts to --out FILE and its expected callers to
                            --callers-out (default FILE with .callers.json), then exit
          --expected-callers K  how many expected callers to list (default 200)
        """;

    public string Url { get; private set; } = DefaultUrl;

    public string? SeedPath { get; private set; }

    public string? OrganizationName { get; private set; }

    public bool RequireToken { get; private set; }

    public bool Verbose { get; private set; }

    public bool PrintSeed { get; private set; }

    public bool Help { get; private set; }

    public int ScanLimit { get; private set; } = EmulatorSettings.DefaultScanLimit;

    public TimeSpan KeyIndexDelay { get; private set; } = TimeSpan.FromSeconds(2);

    /// <summary>Contacts to generate at start (--generated-seed), if any.</summary>
    public int? GeneratedContacts { get; private set; }

    /// <summary>Contacts to generate into a file (--generate-seed), if any; then the process exits.</summary>
    public int? GenerateContacts { get; private set; }

    public int GeneratorSeed { get; private set; } = 1;

    public int ExpectedCallers { get; private set; } = 200;

    public string? OutPath { get; private set; }

    public string? CallersOutPath { get; private set; }

    public List<string> Tokens { get; } = [];

    public List<(string Id, string Secret)> Clients { get; } = [];

    /// <exception cref="ArgumentException">An unknown option or a missing value.</exception>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandLineOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value."));

            switch (arg)
            {
                case "--urls":
                    options.Url = Value().Split(';')[0];
                    break;
                case "--seed":
                    options.SeedPath = Value();
                    break;
                case "--org":
                    options.OrganizationName = Value();
                    break;
                case "--require-token":
                    options.RequireToken = true;
                    break;
                case "--token":
                    options.Tokens.Add(Value());
                    break;
                case "--client":
                    var client = Value();
                    var split = client.IndexOf('=', StringComparison.Ordinal);
                    if (split <= 0)
                    {
                        throw new ArgumentException("--client needs ID=SECRET.");
                    }

                    options.Clients.Add((client[..split], client[(split + 1)..]));
                    break;
                case "--verbose":
                    options.Verbose = true;
                    break;
                case "--print-seed":
                    options.PrintSeed = true;
                    break;
                case "--scan-limit":
                    options.ScanLimit = Count(arg, Value());
                    break;
                case "--key-index-seconds":
                    options.KeyIndexDelay = TimeSpan.FromSeconds(Count(arg, Value()));
                    break;
                case "--generated-seed":
                    options.GeneratedContacts = Count(arg, Value());
                    break;
                case "--generate-seed":
                    options.GenerateContacts = Count(arg, Value());
                    break;
                case "--generator-seed":
                    options.GeneratorSeed = Count(arg, Value());
                    break;
                case "--expected-callers":
                    options.ExpectedCallers = Count(arg, Value());
                    break;
                case "--out":
                    options.OutPath = Value();
                    break;
                case "--callers-out":
                    options.CallersOutPath = Value();
                    break;
                case "--help" or "-h" or "-?":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (options.GenerateContacts is not null && options.OutPath is null)
        {
            throw new ArgumentException("--generate-seed needs --out FILE.json.");
        }

        if (options.GeneratedContacts is not null && options.SeedPath is not null)
        {
            throw new ArgumentException("Give either --seed or --generated-seed, not both.");
        }

        return options;
    }

    private static int Count(string option, string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{option} needs a whole number, not '{value}'.");
}
