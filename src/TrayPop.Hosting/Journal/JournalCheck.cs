using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrayPop.Core.Journal;

namespace TrayPop.Hosting.Journal;

/// <summary><c>traypop check</c>'s journal line: off, or the outbox with what waits in it and the last error.</summary>
internal static class JournalCheck
{
    public static void Describe(IServiceProvider services, TextWriter output)
    {
        var options = services.GetRequiredService<IOptions<JournalOptions>>().Value;
        if (!options.Enabled)
        {
            output.WriteLine("Journal:      off (TrayPop:Journal:Enabled)");
            return;
        }

        if (!File.Exists(options.OutboxPath))
        {
            output.WriteLine($"Journal:      on, outbox {options.OutboxPath} (not created yet: no call so far)");
            return;
        }

        // A second reader of the running service's outbox: WAL lets it read while the service writes.
        using var outbox = new SqliteOutbox(options.OutboxPath, new JournalStatus(), services.GetRequiredService<TimeProvider>());
        var (waiting, oldest, lastError) = outbox.Summary();
        output.WriteLine($"Journal:      on, outbox {options.OutboxPath}");
        output.WriteLine(waiting == 0
            ? "              no call waiting to be logged"
            : $"              {waiting} call(s) waiting to be logged, oldest from {oldest?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)}" +
              (lastError is null ? string.Empty : $"; last error: {lastError}"));
    }
}
