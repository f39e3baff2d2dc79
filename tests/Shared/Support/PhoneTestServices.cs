using Microsoft.Extensions.Options;
using TrayPop.Core.Phones;

namespace TrayPop.Testing;

/// <summary>Parser and matcher configured the way an agent's machine would configure them.</summary>
internal static class PhoneTestServices
{
    public static CallerIdParser Parser(string region = "US", string outsideLinePrefix = "") =>
        new(Options.Create(new PhoneOptions { DefaultRegion = region, OutsideLinePrefix = outsideLinePrefix }));

    public static StoredNumberMatcher Matcher(string region = "US") =>
        new(Options.Create(new PhoneOptions { DefaultRegion = region }));
}
