namespace DataverseEmulator.Hosting;

/// <summary>
/// Options of the standalone emulator:
/// <c>--urls URL --seed FILE --org NAME --require-token --token TOKEN --client ID=SECRET --verbose --print-seed</c>.
/// </summary>
internal sealed class CommandLineOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public const string Usage = """
        Dataverse emulator for TrayPop.
        Usage: DataverseEmulator [--urls URL] [--seed FILE.json] [--org NAME] [--require-token]
                                 [--token TOKEN]... [--client ID=SECRET]... [--verbose] [--print-seed]
          --urls URL        listening URL (default http://127.0.0.1:5080; port 0 picks a free one)
          --seed FILE       records as the Web API returns them: {"contacts":[…],"accounts":[…],"leads":[…]}
          --org NAME        serve under /NAME/ like an on-premises organisation
          --require-token   Web API requests need Authorization: Bearer with an accepted token
          --token TOKEN     accept this bearer token (never expires)
          --client ID=SECRET  register a client for POST /{tenant}/oauth2/v2.0/token
          --verbose         log each Web API request and injected fault
          --print-seed      print the built-in sample seed and exit
        """;

    public string Url { get; private set; } = DefaultUrl;

    public string? SeedPath { get; private set; }

    public string? OrganizationName { get; private set; }

    public bool RequireToken { get; private set; }

    public bool Verbose { get; private set; }

    public bool PrintSeed { get; private set; }

    public bool Help { get; private set; }

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
                case "--help" or "-h" or "-?":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return options;
    }
}
