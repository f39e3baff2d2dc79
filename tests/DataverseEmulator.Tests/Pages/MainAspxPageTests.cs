using System.Net;
using DataverseEmulator.Tests.Support;

namespace DataverseEmulator.Tests.Pages;

public class MainAspxPageTests : IAsyncLifetime
{
    private const string JaneId = "8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01";
    private RunningEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RunningEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task RecordPage_ShowsNameIdsAndPhones()
    {
        var (status, html) = await GetPageAsync($"main.aspx?pagetype=entityrecord&etn=contact&id={JaneId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Contact: Jane Doe - Dataverse emulator", HtmlPageReader.Title(html));
        Assert.Equal("Jane Doe", HtmlPageReader.TextOf(html, "fullname"));
        Assert.Equal("contact", HtmlPageReader.TextOf(html, "entity"));
        Assert.Equal(JaneId, HtmlPageReader.TextOf(html, "recordid"));
        Assert.Equal("(425) 555-0101", HtmlPageReader.TextOf(html, "telephone1"));
        Assert.Equal("+1 425 555 0199", HtmlPageReader.TextOf(html, "mobilephone"));
        Assert.Equal(string.Empty, HtmlPageReader.TextOf(html, "telephone2"));
    }

    [Fact]
    public async Task RecordPage_LegacyBracesAndAppId_AreAccepted()
    {
        var (status, html) = await GetPageAsync($"main.aspx?appid=0a1b2c3d-0000-4000-8000-000000000001&pagetype=entityrecord&etn=contact&id=%7B{JaneId.ToUpperInvariant()}%7D");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JaneId, HtmlPageReader.TextOf(html, "recordid"));
        Assert.Equal("0a1b2c3d-0000-4000-8000-000000000001", HtmlPageReader.TextOf(html, "app"));
    }

    [Fact]
    public async Task RecordPage_Account_ShowsItsName()
    {
        var (_, html) = await GetPageAsync("main.aspx?appname=sales&pagetype=entityrecord&etn=account&id=a1b2c3d4-0000-4000-8000-00000000a002");

        Assert.Equal("Fabrikam Inc", HtmlPageReader.TextOf(html, "name"));
        Assert.Equal("(206) 555-0100", HtmlPageReader.TextOf(html, "telephone1"));
        Assert.Equal("sales", HtmlPageReader.TextOf(html, "app"));
    }

    [Theory]
    [InlineData("main.aspx?pagetype=entityrecord&etn=contact&id=00000000-0000-0000-0000-0000000000ff")]
    [InlineData("main.aspx?pagetype=entityrecord&etn=contact&id=garbage")]
    [InlineData("main.aspx?pagetype=entityrecord&etn=spaceship&id=8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01")]
    [InlineData("main.aspx?pagetype=dashboard")]
    public async Task UnknownRecordOrPage_Is404Page(string url)
    {
        var (status, html) = await GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<title>", html, StringComparison.Ordinal);
        Assert.NotNull(HtmlPageReader.TextOf(html, "error"));
    }

    [Fact]
    public async Task NewRecordForm_ShowsDecodedExtraQs()
    {
        var extraqs = Uri.EscapeDataString("telephone1=+14255550100");

        var (status, html) = await GetPageAsync($"main.aspx?pagetype=entityrecord&etn=contact&extraqs={extraqs}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("New Contact - Dataverse emulator", HtmlPageReader.Title(html));
        Assert.Equal("New Contact", HtmlPageReader.TextOf(html, "recordname"));
        Assert.Equal("+14255550100", HtmlPageReader.TextOf(html, "telephone1"));
        Assert.Equal(string.Empty, HtmlPageReader.TextOf(html, "recordid"));
    }

    [Fact]
    public async Task NewRecordForm_ValuesEncodedTwice_AreDecoded()
    {
        var inner = "telephone1=" + Uri.EscapeDataString("+44 20 7946 0958") + "&description=" + Uri.EscapeDataString("a=b&c");

        var (_, html) = await GetPageAsync($"main.aspx?pagetype=entityrecord&etn=contact&extraqs={Uri.EscapeDataString(inner)}");

        Assert.Equal("+44 20 7946 0958", HtmlPageReader.TextOf(html, "telephone1"));
        Assert.Equal("a=b&c", HtmlPageReader.TextOf(html, "description"));
    }

    [Theory]
    [InlineData("(425) 555-0101", "Jane Doe")]
    [InlineData("%2B44 (0)20 7946", "Oliver Bennett")]
    [InlineData("020 7946 0018", "Amelia Clarke")]
    [InlineData("jane", "Jane Doe")]
    [InlineData("doe", "Jane Doe")]
    [InlineData("*555-0101", "Jane Doe")]
    public async Task Search_FindsFromTheStartOfTheTextAsStored(string searchText, string expected)
    {
        var (status, html) = await GetPageAsync($"main.aspx?pagetype=search&searchText={Uri.EscapeDataString(Uri.UnescapeDataString(searchText))}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, HtmlPageReader.TextOf(html, "results"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%2B14255550101")]
    [InlineData("4255550101")]
    [InlineData("555-0101")]
    [InlineData("Doe Jane")]
    public async Task Search_LikeQuickFind_DoesNotFindByDigitsOrByTheMiddleOfTheText(string searchText)
    {
        var (_, html) = await GetPageAsync($"main.aspx?pagetype=search&searchText={searchText}");

        Assert.Equal("0", HtmlPageReader.TextOf(html, "resultcount"));
    }

    [Fact]
    public async Task Search_SharedSwitchboard_TheCallerIdFindsNothing_TheNumberAsStoredFindsContactsAndAccount()
    {
        var (_, byCallerId) = await GetPageAsync("main.aspx?pagetype=search&searchText=%2B12065550100");
        var (_, html) = await GetPageAsync("main.aspx?pagetype=search&searchText=" + Uri.EscapeDataString("(206) 555-0100"));

        Assert.Equal("0", HtmlPageReader.TextOf(byCallerId, "resultcount"));
        Assert.Equal("3", HtmlPageReader.TextOf(html, "resultcount"));
        Assert.Contains("data-entity=\"account\"", html, StringComparison.Ordinal);
        Assert.Contains("Tom Baker", html, StringComparison.Ordinal);
        Assert.Contains("Sarah Lee", html, StringComparison.Ordinal);
        Assert.Equal("(206) 555-0100", HtmlPageReader.TextOf(html, "searchtext"));
    }

    [Fact]
    public async Task Search_InactiveRecords_AreNotFound()
    {
        var (_, html) = await GetPageAsync("main.aspx?pagetype=search&searchText=" + Uri.EscapeDataString("(425) 555-0109"));

        Assert.Equal("0", HtmlPageReader.TextOf(html, "resultcount"));
    }

    [Fact]
    public async Task Search_NoMatch_ListsNothing()
    {
        var (_, html) = await GetPageAsync("main.aspx?pagetype=search&searchText=%2B19995550000");

        Assert.Equal("0", HtmlPageReader.TextOf(html, "resultcount"));
    }

    [Fact]
    public async Task EntityList_QuickFind_FindsTheNumberAsStoredNotTheCallerId()
    {
        var (_, byCallerId) = await GetPageAsync("main.aspx?pagetype=entitylist&etn=contact&quickfind=%2B12065550100");
        var (status, html) = await GetPageAsync("main.aspx?pagetype=entitylist&etn=contact&quickfind=" + Uri.EscapeDataString("(206) 555-0100"));

        Assert.Equal("0", HtmlPageReader.TextOf(byCallerId, "resultcount"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2", HtmlPageReader.TextOf(html, "resultcount"));
        Assert.Contains("Tom Baker", html, StringComparison.Ordinal);
        Assert.Contains("Sarah Lee", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityList_ListsEveryRowOfTheTable()
    {
        var (status, html) = await GetPageAsync("main.aspx?pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001004&viewtype=1039");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2", HtmlPageReader.TextOf(html, "resultcount"));
        Assert.Equal("lead", HtmlPageReader.TextOf(html, "entity"));
        Assert.Contains("Diego Ramirez", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_EncodeEverythingShown()
    {
        var seed = EmulatorSeed.Parse("""{"contacts":[{"contactid":"11111111-0000-4000-8000-000000000001","fullname":"<script>alert(1)</script>","telephone1":"\"><b>"}]}""");
        await using var emulator = await RunningEmulator.StartAsync(seed: seed);

        using var record = await emulator.GetAsync("main.aspx?pagetype=entityrecord&etn=contact&id=11111111-0000-4000-8000-000000000001");
        using var search = await emulator.GetAsync("main.aspx?pagetype=search&searchText=%3Cscript%3E");
        using var form = await emulator.GetAsync("main.aspx?pagetype=entityrecord&etn=contact&extraqs=" + Uri.EscapeDataString("fullname=<i>x</i>"));

        foreach (var html in new[] { await record.Content.ReadAsStringAsync(), await search.Content.ReadAsStringAsync(), await form.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        }

        Assert.Equal("<script>alert(1)</script>", HtmlPageReader.TextOf(await record.Content.ReadAsStringAsync(), "fullname"));
    }

    [Fact]
    public async Task IndexPage_PointsAtTheWebApi()
    {
        var (status, html) = await GetPageAsync(string.Empty);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{_emulator.Server.BaseUri}api/data/v9.2/", HtmlPageReader.TextOf(html, "webapi"));
    }

    private async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string url)
    {
        using var response = await _emulator.GetAsync(url);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
