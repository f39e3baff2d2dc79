using TrayPop.Testing;

namespace TrayPop.Intake.Tests;

/// <summary>The token file fails closed: anything but a small regular file with a token on its first line stops the start.</summary>
public sealed class ListenerTokenFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("traypop-token").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("s3cret", "s3cret")]
    [InlineData("  s3cret  \nsecond line\n", "s3cret")]
    [InlineData("\uFEFFs3cret\r\n", "s3cret")]
    public void Read_FirstLineTrimmed(string content, string expected)
    {
        Assert.Equal(expected, ListenerTokenFile.Read(File("token", content), out var failure));
        Assert.Null(failure);
    }

    [Theory]
    [InlineData("", "is empty or not a regular file")]
    [InlineData("   \n", "holds no token")]
    [InlineData("\ns3cret\n", "holds no token")]
    [InlineData("\t \r\ns3cret", "holds no token")]
    public void Read_NoTokenOnTheFirstLine_Fails(string content, string reason)
    {
        Assert.Null(ListenerTokenFile.Read(File("token", content), out var failure));
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PathNamingAnEnvironmentVariable_ReadsThisUsersFile()
    {
        var file = File("token", "s3cret\n");
        Environment.SetEnvironmentVariable("TRAYPOP_TEST_TOKEN_DIR", _directory);
        try
        {
            Assert.Equal("s3cret", ListenerTokenFile.Read(Path.Combine("%TRAYPOP_TEST_TOKEN_DIR%", "token"), out _));
            Assert.Equal(file, ListenerTokenFile.Resolve(Path.Combine("%TRAYPOP_TEST_TOKEN_DIR%", "token")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TRAYPOP_TEST_TOKEN_DIR", null);
        }
    }

    [Fact]
    public void Resolve_LeadingTilde_IsTheUsersProfile()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal(Path.Combine(home, ".config/traypop/token"), ListenerTokenFile.Resolve("~/.config/traypop/token"));
        Assert.Equal("/etc/~token", ListenerTokenFile.Resolve("/etc/~token"));
    }

    [Fact]
    public void Message_NamesTheSettingAndThisUsersFile()
    {
        var message = ListenerTokenFile.Message("~/missing-token", "does not exist");

        Assert.Contains("TrayPop:Listener:TokenFile '~/missing-token' ('", message, StringComparison.Ordinal);
        Assert.Contains("/missing-token') does not exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargerThan4KB_Fails()
    {
        Assert.Null(ListenerTokenFile.Read(File("big", new string('a', ListenerTokenFile.MaxBytes + 1)), out var failure));
        Assert.Contains("larger than 4096 bytes", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Missing_Fails()
    {
        Assert.Null(ListenerTokenFile.Read(Path.Combine(_directory, "missing"), out var failure));
        Assert.Equal("does not exist", failure);
    }

    [Fact]
    public void Read_Directory_Fails()
    {
        Assert.Null(ListenerTokenFile.Read(_directory, out var failure));
        Assert.Contains("directory", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ADevice_FailsWithoutReadingForever()
    {
        Assert.Null(ListenerTokenFile.Read("/dev/zero", out var failure));
        Assert.Contains("not a regular file", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("\ntoken")]
    public async Task Start_TokenFileWithoutAToken_StopsTheStartNamingTheKey(string content)
    {
        var path = File("token", content);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningService.StartAsync([$"--TrayPop:Listener:TokenFile={path}"]));

        Assert.Contains("TrayPop:Listener:TokenFile", Failures(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TokenFileIsDevZero_StopsTheStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningService.StartAsync(["--TrayPop:Listener:TokenFile=/dev/zero"]));

        Assert.Contains("TrayPop:Listener:TokenFile '/dev/zero' is empty or not a regular file", Failures(error), StringComparison.Ordinal);
    }

    private static string Failures(Exception error) => error switch
    {
        Microsoft.Extensions.Options.OptionsValidationException validation => string.Join("\n", validation.Failures),
        AggregateException aggregate => string.Join("\n", aggregate.InnerExceptions.Select(Failures)),
        _ => error.ToString(),
    };
}
