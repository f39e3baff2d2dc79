using DataverseEmulator.Store.Indexing;

namespace DataverseEmulator.Tests.Store.Indexing;

public class GuidTextOrderTests
{
    [Fact]
    public void Compare_OrdersGuidsAsTheirText()
    {
        var guids = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToList();

        var byOrder = guids.Order(GuidTextOrder.Instance).Select(g => g.ToString("D"));
        var byText = guids.Select(g => g.ToString("D")).Order(StringComparer.Ordinal);

        Assert.Equal(byText, byOrder);
    }

    [Theory]
    [InlineData("8d6e", "8d6e0000-0000-0000-0000-000000000000")]
    [InlineData("8D6E3B1C-4", "8d6e3b1c-4000-0000-0000-000000000000")]
    [InlineData("", "00000000-0000-0000-0000-000000000000")]
    public void LowestWithPrefix_FillsTheRestWithZeros(string prefix, string expected) =>
        Assert.Equal(Guid.Parse(expected), GuidTextOrder.LowestWithPrefix(prefix));

    [Theory]
    [InlineData("8d6g")]
    [InlineData("8d6e3b1c4")]
    [InlineData("8d6e3b1c-4f2a-4c1e-9b7d-1a2b3c4d5e01-")]
    public void LowestWithPrefix_NoGuidCanStartSo_IsNull(string prefix) => Assert.Null(GuidTextOrder.LowestWithPrefix(prefix));
}
