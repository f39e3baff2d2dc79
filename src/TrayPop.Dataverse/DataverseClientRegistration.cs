using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using TrayPop.Dataverse.Auth;
using TrayPop.Core.Pop;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Dataverse.Diagnostics;

namespace TrayPop.Dataverse;

/// <summary>
/// The one typed Dataverse <see cref="HttpClient"/>: sign-in in a handler, resilience added once. Handlers, outermost first:
/// <see cref="CrmStatusHandler"/> → <see cref="BearerTokenHandler"/> (a 401 signs in again once) → standard resilience
/// (rate limiter → total timeout → retry → circuit breaker → attempt timeout) → the socket handler (Negotiate for Windows mode).
/// </summary>
internal static class DataverseClientRegistration
{
    /// <summary>Dataverse's service protection allows 52 concurrent requests per user; more would only be throttled.</summary>
    public const int ConcurrentRequests = 52;

    public const int MaxRetryAttempts = 3;

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    public const double FailureRatio = 0.5;

    public const int MinimumThroughput = 5;

    public static IServiceCollection AddDataverseClient(this IServiceCollection services)
    {
        services.AddCrmStatus();
        services.AddSingleton(TokenSources.Create);
        services.AddTransient<BearerTokenHandler>();
        services.AddSingleton<TenantDiscovery>();
        services.AddHttpClient(MsalHttpClients.Name, http => http.DefaultRequestHeaders.UserAgent.ParseAdd($"TrayPop/{Core.Diagnostics.ProductVersion.Text}"));
        // One unauthenticated GET of the Web API root; never follows a redirect elsewhere.
        services.AddHttpClient(TenantDiscovery.HttpClientName, (provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptions<DataverseOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // Named, then typed by a plain factory: the default typed-client activator compiles an expression tree,
        // which loads System.Linq.Expressions (≈2.4 MB resident) and costs start-up time for one constructor call.
        var dataverse = services.AddHttpClient(nameof(DataverseClient), (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DataverseOptions>>().Value;
                http.BaseAddress = options.ApiUri;
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"TrayPop/{Core.Diagnostics.ProductVersion.Text}");
                // The resilience handler's total timeout bounds each request; this outer limit also covers an interactive sign-in (MFA takes a while).
                http.Timeout = TimeSpan.FromMinutes(5);
            })
            // The client lives as long as the pipeline that holds it: recycle connections instead of handlers, so DNS changes are still seen.
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var handler = new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    // Calls come minutes apart: an idle connection kept for 4 minutes (Azure's load balancers drop idle
                    // ones at about 4) spares most pops a TLS handshake, and the pool's scavenging timer, which runs at
                    // a quarter of this, wakes once a minute instead of every 15 s until the pool empties and it stops.
                    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(4),
                    // A redirect would carry the caller's number (and, for some handlers, credentials) to another host;
                    // Dataverse never redirects its Web API, so a 3xx is an error that names the target.
                    AllowAutoRedirect = false,
                };
                WindowsCredentials.Apply(handler, provider.GetRequiredService<IOptions<DataverseOptions>>().Value);
                return handler;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<BearerTokenHandler>()
            .AddTypedClient((http, provider) => new DataverseClient(http, provider.GetRequiredService<IOptions<DataverseOptions>>().Value.MaxResponseBytes));
        // The breaker's state, readable by whoever needs to know whether Dataverse is being spared (tests wait on it).
        services.AddSingleton<CircuitBreakerStateProvider>();
        dataverse.AddStandardResilienceHandler()
            .Configure((resilience, provider) => Configure(
                resilience,
                provider.GetRequiredService<IOptions<DataverseOptions>>().Value,
                provider.GetRequiredService<IOptions<PopOptions>>().Value,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("TrayPop.Dataverse.Resilience"),
                provider.GetRequiredService<CircuitBreakerStateProvider>()));
        return services;
    }

    /// <summary>
    /// One attempt may take <see cref="DataverseOptions.RequestTimeout"/> (a slow $batch scan is not retried early);
    /// the whole request, retries included, three attempts' worth and never less than the pop budget plus one attempt,
    /// so a lookup started on ring can still serve the answer, and a late answer is still logged.
    /// </summary>
    internal static void Configure(
        HttpStandardResilienceOptions resilience, DataverseOptions dataverse, PopOptions pop, ILogger logger, CircuitBreakerStateProvider? circuit = null)
    {
        var attempt = dataverse.RequestTimeout;
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.TotalRequestTimeout.Timeout = TotalTimeout(dataverse, pop);

        resilience.RateLimiter.DefaultRateLimiterOptions = new ConcurrencyLimiterOptions
        {
            PermitLimit = ConcurrentRequests,
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };

        // 429 and 503 wait for Retry-After (never less); 5xx, 408, timeouts and dropped connections back off exponentially with jitter.
        var retry = resilience.Retry;
        retry.MaxRetryAttempts = MaxRetryAttempts;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.Delay = RetryBaseDelay;
        retry.MaxDelay = null;
        retry.ShouldRetryAfterHeader = true;
        retry.OnRetry = args =>
        {
            Log.Retrying(logger, args.Outcome.Result?.RequestMessage?.Method.Method ?? "request", Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
            return default;
        };

        var breaker = resilience.CircuitBreaker;
        breaker.FailureRatio = FailureRatio;
        breaker.MinimumThroughput = MinimumThroughput;
        // Polly requires the sampling window to hold at least two attempt timeouts.
        breaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), attempt * 2);
        breaker.BreakDuration = BreakDuration;
        breaker.StateProvider = circuit;
        breaker.OnOpened = args =>
        {
            Log.CircuitOpened(logger, Describe(args.Outcome), args.BreakDuration);
            return default;
        };
        breaker.OnClosed = _ =>
        {
            Log.CircuitClosed(logger);
            return default;
        };
    }

    internal static TimeSpan TotalTimeout(DataverseOptions dataverse, PopOptions pop) =>
        Max(dataverse.RequestTimeout * MaxRetryAttempts, pop.Budget + dataverse.RequestTimeout);

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"{(int)response.StatusCode} {response.StatusCode}" : outcome.Exception?.GetType().Name ?? "nothing";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
