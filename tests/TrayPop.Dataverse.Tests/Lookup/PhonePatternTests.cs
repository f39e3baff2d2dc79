using TrayPop.Core.Lookup;
using TrayPop.Core.Phones;
using TrayPop.Testing;

using TrayPop.Dataverse.Lookup;

namespace TrayPop.Dataverse.Tests.Lookup;

public class PhonePatternTests
{
    [Fact]
    public void For_Number_PutsWildcardsBetweenDigitsAndKeypadLettersOnThem()
    {
        var pattern = PhonePattern.For(Callers.Number("+18003569377", "8003569377", "+1 800-356-9377"));

        Assert.Equal("[8TUV]%0%0%[3DEF]%[5JKL]%[6MNO]%[9WXYZ]%[3DEF]%[7PQRS]%[7PQRS]", pattern);
    }

    [Fact]
    public void For_UnrecognisedText_IsLiteral()
    {
        Assert.Equal("100[%] ' or 1 eq 1", PhonePattern.For(new CallerId(CallerIdKind.Unrecognised, null, null, "100% ' or 1 eq 1")));
    }

    [Fact]
    public void BuildQuery_SearchesEveryPhoneColumnOfActiveRecordsOnly()
    {
        var contact = LookupOptions.Defaults[0];

        var query = LookupQueryBuilder.Build(contact, "4%2'5", 50);

        Assert.Equal(
            "contacts?$select=contactid,fullname,telephone1,telephone2,telephone3,mobilephone,business2,home2&$filter=" +
            Uri.EscapeDataString("statecode eq 0 and (contains(telephone1,'4%2''5') or contains(telephone2,'4%2''5') or contains(telephone3,'4%2''5') or contains(mobilephone,'4%2''5') or contains(business2,'4%2''5') or contains(home2,'4%2''5'))") +
            "&$top=50",
            query);
    }
}
