namespace TrayPop.Testing;

/// <summary>One line of <c>Corpus/phone-corpus.json</c>: a caller id, a number as stored in the CRM, and whether they are the same number.</summary>
public sealed record PhoneCorpusPair(string Region, string CallerId, string Stored, bool Match, string Category)
{
    public override string ToString() => $"[{Region}] {CallerId} ~ {Stored} ({Category})";
}
