using TrayPop.Dataverse.Connectivity;

namespace TrayPop.Dataverse.Tests.Connectivity;

public class DeviceCodePromptTests
{
    [Fact]
    public void Headless_WritesMicrosoftsMessageOnOneEscapedLine()
    {
        using var stderr = new StringWriter();

        new StandardErrorDeviceCodePrompt(stderr).Show("To sign in, open https://microsoft.com/devicelogin and enter the code ABCD1234.\r\n\u001b[2J");

        Assert.Equal("To sign in, open https://microsoft.com/devicelogin and enter the code ABCD1234.\\u000d\\u000a\\u001b[2J" + Environment.NewLine, stderr.ToString());
    }
}
