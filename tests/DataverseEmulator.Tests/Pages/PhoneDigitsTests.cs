using DataverseEmulator.Pages;

namespace DataverseEmulator.Tests.Pages;

public class PhoneDigitsTests
{
    [Theory]
    [InlineData("(425) 555-0101", "+14255550101", true)]
    [InlineData("+44 (0)20 7946 0958", "+442079460958", true)]
    [InlineData("+44 (0)20 7946 0958", "020 7946 0958", true)]
    [InlineData("020 7946 0018", "+44 20 7946 0018", true)]
    [InlineData("(425) 555-0101", "555-0101", true)]
    [InlineData("(425) 555-0101", "+14255550102", false)]
    [InlineData("(425) 555-0101", "12", false)]
    [InlineData("1-800-FLOWERS", "1800", true)]
    public void Matches_ComparesDigits(string stored, string searched, bool expected) =>
        Assert.Equal(expected, PhoneDigits.Matches(stored, searched));
}
