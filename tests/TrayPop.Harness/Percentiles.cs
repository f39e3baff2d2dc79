using System.Globalization;

namespace TrayPop.Harness;

/// <summary>p50/p95/p99 of a list of samples in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P95, double P99, int Count)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted.Length);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50,7:0.000}  p95 {P95,7:0.000}  p99 {P99,7:0.000} ms  (n={Count})");
}
