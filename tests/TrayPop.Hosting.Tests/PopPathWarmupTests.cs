using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayPop.Core.Calls;
using TrayPop.Hosting;
using TrayPop.Testing;

namespace TrayPop.Hosting.Tests;

/// <summary>The pop path is built once the listeners are open, not before them and not in the first pop.</summary>
public sealed class PopPathWarmupTests
{
    [Fact]
    public async Task Started_BuildsThePipelineTheIntakesTakeLater()
    {
        using var services = Services(_ => { });
        var pipeline = services.GetRequiredService<Lazy<CallPipeline>>();
        var warmup = services.GetRequiredService<PopPathWarmup>();
        Assert.False(pipeline.IsValueCreated);

        await warmup.StartedAsync(CancellationToken.None);
        await warmup.Warming;

        Assert.True(pipeline.IsValueCreated);
        Assert.Same(services.GetRequiredService<CallPipeline>(), pipeline.Value);
    }

    [Fact]
    public async Task Started_WhenBuildingFails_LogsTheReasonAndTheFirstEventTriesAgain()
    {
        var attempts = 0;
        using var logs = new CapturedLogs();
        using var services = Services(collection =>
        {
            collection.AddLogging(logging => logging.AddProvider(logs));
            collection.AddSingleton<CallPipeline>(_ =>
            {
                attempts++;
                throw new InvalidOperationException("the CRM address is not reachable yet");
            });
        });
        var warmup = services.GetRequiredService<PopPathWarmup>();

        await warmup.StartedAsync(CancellationToken.None);
        await warmup.Warming;

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("the CRM address is not reachable yet", StringComparison.Ordinal));
        var again = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<Lazy<CallPipeline>>().Value);
        Assert.Contains("not reachable yet", again.Message, StringComparison.Ordinal);
        Assert.Equal(2, attempts);
    }

    private static ServiceProvider Services(Action<IServiceCollection> overrides)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrayPop:Dataverse:Url"] = "http://127.0.0.1:9/",
            ["TrayPop:Dataverse:Auth:Mode"] = "None",
            ["TrayPop:Phone:DefaultRegion"] = "US",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddTrayPopCore();
        overrides(services);
        return services.BuildServiceProvider();
    }
}
