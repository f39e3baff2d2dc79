using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using TrayPop.Dataverse;
using TrayPop.Hosting;
using TrayPop.Intake;
using TrayPop.Core.Phones;

namespace TrayPop.Hosting.Tests;

public class MachineSettingsTests
{
    [Theory]
    [InlineData("DataverseUrl", "TrayPop:Dataverse:Url")]
    [InlineData("AuthMode", "TrayPop:Dataverse:Auth:Mode")]
    [InlineData("TenantId", "TrayPop:Dataverse:Auth:TenantId")]
    [InlineData("ClientId", "TrayPop:Dataverse:Auth:ClientId")]
    [InlineData("AllowSampleClient", "TrayPop:Dataverse:Auth:AllowSampleClient")]
    [InlineData("AppId", "TrayPop:Dataverse:AppId")]
    [InlineData("DefaultRegion", "TrayPop:Phone:DefaultRegion")]
    [InlineData("OutsideLinePrefix", "TrayPop:Phone:OutsideLinePrefix")]
    [InlineData("ListenPort", "TrayPop:Listener:BasePort")]
    [InlineData("BrowserCommand", "TrayPop:Browser:Command")]
    public void KeyFor_KnownValueName_ReturnsConfigurationKey(string valueName, string key)
    {
        Assert.Equal(key, MachineSettings.KeyFor(valueName));
    }

    [Fact]
    public void KeyFor_IgnoresCase_AsTheRegistryDoes()
    {
        Assert.Equal("TrayPop:Dataverse:Url", MachineSettings.KeyFor("dataverseurl"));
    }

    [Theory]
    [InlineData("InstallDir")]
    [InlineData("AutoStart")]
    [InlineData("Version")]
    [InlineData("")]
    public void KeyFor_ValueTrayPopDoesNotRead_ReturnsNull(string valueName)
    {
        Assert.Null(MachineSettings.KeyFor(valueName));
    }

    [Fact]
    public void ToConfiguration_SkipsEmptyBlankAndUnknownValues_AndTrims()
    {
        var entries = MachineSettings.ToConfiguration(
        [
            new("DataverseUrl", " https://contoso.crm.dynamics.com "),
            new("TenantId", ""),
            new("ClientId", "   "),
            new("AppId", null),
            new("InstallDir", @"C:\Program Files\TrayPop\"),
            new("ListenPort", "47999"),
        ]);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["TrayPop:Dataverse:Url"] = "https://contoso.crm.dynamics.com",
                ["TrayPop:Listener:BasePort"] = "47999",
            },
            entries);
    }

    [Theory]
    [InlineData("1", "true")]
    [InlineData("0", "false")]
    [InlineData("true", "true")]
    public void ToConfiguration_JournalFromTheMsi_IsASwitch(string msiValue, string expected)
    {
        var entries = MachineSettings.ToConfiguration([new("Journal", msiValue)]);

        Assert.Equal(expected, entries["TrayPop:Journal:Enabled"]);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    public void ToConfiguration_AllowSampleClientFromTheMsi_IsASwitch_TheOptionsRead(string msiValue, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(MachineSettings.ToConfiguration([new("AllowSampleClient", msiValue)]))
            .Build();

        var auth = configuration.GetSection("TrayPop:Dataverse:Auth").Get<DataverseAuthOptions>()!;

        Assert.Equal(expected, auth.AllowSampleClient);
    }

    [Fact]
    public void ToConfiguration_BindsToTheOptionsTheAppReads()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(MachineSettings.ToConfiguration(
            [
                new("DataverseUrl", "https://contoso.crm.dynamics.com"),
                new("AuthMode", "DeviceCode"),
                new("TenantId", "contoso.onmicrosoft.com"),
                new("ClientId", "51f81489-12ee-4a9e-aaae-a2591f45987d"),
                new("AppId", "0a5b8e62-24a4-4f48-9c32-0f4d7a7c1c11"),
                new("DefaultRegion", "GB"),
                new("OutsideLinePrefix", "9"),
                new("ListenPort", "47999"),
            ]))
            .Build();

        var dataverse = configuration.GetSection(DataverseOptions.Section).Get<DataverseOptions>()!;
        var phone = configuration.GetSection("TrayPop:Phone").Get<PhoneOptions>()!;
        var listener = configuration.GetSection(ListenerOptions.Section).Get<ListenerOptions>()!;
        Assert.Equal("https://contoso.crm.dynamics.com", dataverse.Url);
        Assert.Equal(DataverseAuthMode.DeviceCode, dataverse.Auth.Mode);
        Assert.Equal("contoso.onmicrosoft.com", dataverse.Auth.TenantId);
        Assert.Equal("51f81489-12ee-4a9e-aaae-a2591f45987d", dataverse.Auth.ClientId);
        Assert.Equal("0a5b8e62-24a4-4f48-9c32-0f4d7a7c1c11", dataverse.AppId);
        Assert.Equal("GB", phone.DefaultRegion);
        Assert.Equal("9", phone.OutsideLinePrefix);
        Assert.Equal(47999, listener.Port);
        Assert.Equal(48000, listener.LinePort);
    }

    [Fact]
    public void Table_HasOneRowPerValueName_Property_AndKey()
    {
        Assert.Equal(MachineSettings.All.Count, MachineSettings.All.Select(s => s.ValueName.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(MachineSettings.All.Count, MachineSettings.All.Select(s => s.MsiProperty).Distinct().Count());
        Assert.Equal(MachineSettings.All.Count, MachineSettings.All.Select(s => s.ConfigurationKey).Distinct().Count());
        // Public MSI properties must be all upper case, or msiexec does not take them from the command line.
        Assert.All(MachineSettings.All, s => Assert.Equal(s.MsiProperty.ToUpperInvariant(), s.MsiProperty));
    }

    [Fact]
    public void Installer_WritesEveryMachineSetting_FromItsProperty_AndRemembersIt()
    {
        var wxs = XDocument.Load(Path.Combine(RepositoryRoot(), "installer", "TrayPop.wxs"));
        XNamespace wix = "http://schemas.microsoft.com/wix/2006/wi";
        var written = wxs.Descendants(wix + "RegistryValue")
            .Where(v => (string?)v.Parent?.Attribute("Key") == MachineSettings.MachineKey || (string?)v.Attribute("Key") == MachineSettings.MachineKey)
            .ToDictionary(v => (string)v.Attribute("Name")!, v => (string?)v.Attribute("Value"));
        var remembered = wxs.Descendants(wix + "RegistrySearch")
            .Where(s => (string?)s.Attribute("Key") == MachineSettings.MachineKey)
            .ToDictionary(s => (string)s.Parent!.Attribute("Id")!, s => (string)s.Attribute("Name")!);

        foreach (var setting in MachineSettings.All)
        {
            Assert.True(written.TryGetValue(setting.ValueName, out var value), $"the MSI does not write {setting.ValueName}");
            Assert.Equal($"[{setting.MsiProperty}]", value);
            Assert.True(remembered.TryGetValue(setting.MsiProperty, out var searched), $"the MSI does not remember {setting.MsiProperty}");
            Assert.Equal(setting.ValueName, searched);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrayPop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TrayPop.sln not found above " + AppContext.BaseDirectory);
    }
}
