using TrayPop.Core.Phones;
using TrayPop.Core.Pop;
using TrayPop.Testing;

namespace TrayPop.Core.Tests.Pop;

public class CrmUrlBuilderTests
{
    [Fact]
    public void Record_BuildsUnifiedInterfaceRecordUrl()
    {
        var url = TestOptions.Urls().Record(Callers.Jane);

        Assert.Equal("https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01", url.AbsoluteUri);
    }

    [Fact]
    public void Record_WithAppId_PutsItFirst()
    {
        var url = TestOptions.Urls(appId: "11111111-2222-3333-4444-555555555555").Record(Callers.Jane);

        Assert.StartsWith("https://contoso.crm.dynamics.com/main.aspx?appid=11111111-2222-3333-4444-555555555555&pagetype=entityrecord", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_OnPremisesOrganisationPath_KeepsThePath()
    {
        var url = TestOptions.Urls(url: "https://crm.contoso.local/Contoso").Record(Callers.Jane);

        Assert.StartsWith("https://crm.contoso.local/Contoso/main.aspx?", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void NewRecord_PrefillsTheNumberEncodedInsideExtraqs()
    {
        var url = TestOptions.Urls().NewRecord(Callers.Number("+14255550100", "4255550100", "+1 425-555-0100"));

        Assert.Equal("https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&extraqs=telephone1%3D%252B14255550100", url.AbsoluteUri);
    }

    [Fact]
    public void NewRecord_ForWithheldCaller_HasNoNumber()
    {
        var url = TestOptions.Urls().NewRecord(CallerId.Withheld);

        Assert.Equal("https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact", url.AbsoluteUri);
    }

    [Fact]
    public void NewRecord_UsesConfiguredEntityAndColumn()
    {
        var url = TestOptions.Urls(new PopOptions { NewRecordEntity = "lead", NewRecordPhoneColumn = "mobilephone" }).NewRecord(Callers.Number());

        Assert.Contains("etn=lead&extraqs=mobilephone%3D", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_EscapesTheText()
    {
        var url = TestOptions.Urls().Search(new CallerId(CallerIdKind.Unrecognised, null, null, "a&b=c #x"));

        Assert.EndsWith("pagetype=search&searchText=a%26b%3Dc%20%23x", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void List_IsTheDocumentedEntityListUrl_WithTheApp()
    {
        var url = TestOptions.Urls(appId: "11111111-2222-3333-4444-555555555555").List("contact");

        Assert.Equal("https://contoso.crm.dynamics.com/main.aspx?appid=11111111-2222-3333-4444-555555555555&pagetype=entitylist&etn=contact", url.AbsoluteUri);
    }

    [Fact]
    public void FromTemplate_FillsAndEscapesPlaceholders()
    {
        var url = CrmUrlBuilder.FromTemplate("https://contoso.crm.dynamics.com/main.aspx?etn={entity}&id={id}&q={number}", Callers.Number(), Callers.Jane);

        Assert.Equal("https://contoso.crm.dynamics.com/main.aspx?etn=contact&id=8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01&q=%2B14255550101", url.AbsoluteUri);
    }
}
