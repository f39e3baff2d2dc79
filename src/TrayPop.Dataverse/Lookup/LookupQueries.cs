using TrayPop.Core.Phones;

using TrayPop.Core.Lookup;

namespace TrayPop.Dataverse.Lookup;

/// <summary>
/// The Web API queries of one lookup, in table order: per table the pattern query, then (for a number) the
/// exact query on its usual renderings. All of them travel in one <c>$batch</c>.
/// </summary>
internal static class LookupQueries
{
    public static List<string> For(IReadOnlyList<EntitySearch> entities, CallerId callerId, int top, string? agentRegion = null)
    {
        var pattern = PhonePattern.For(callerId);
        var renderings = PhoneRenderings.Of(callerId, agentRegion);
        var queries = new List<string>(entities.Count * 2);
        foreach (var entity in entities)
        {
            queries.Add(LookupQueryBuilder.Build(entity, pattern, top));
            if (renderings.Count > 0)
            {
                queries.Add(ExactQueryBuilder.Build(entity, renderings, top));
            }
        }

        return queries;
    }
}
