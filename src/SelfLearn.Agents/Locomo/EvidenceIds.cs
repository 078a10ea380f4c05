namespace SelfLearn.Agents.Locomo;

/// <summary>Repairs evidence lists such as ["D8:6; D9:17"] or ["D:11:26"]: split on separators, keep ids that name a turn.</summary>
public static class EvidenceIds
{
    private static readonly char[] Separators = [';', ',', ' ', '\t', '\n', '\r'];

    public static (IReadOnlyList<string> Kept, IReadOnlyList<string> Dropped) Clean(IEnumerable<string> raw, IReadOnlySet<string> turnIds)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(turnIds);
        var fragments = raw.SelectMany(entry => entry.Split(Separators, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var kept = fragments.Where(turnIds.Contains).Distinct(StringComparer.Ordinal).ToList();
        var dropped = fragments.Where(id => !turnIds.Contains(id)).ToList();
        return (kept, dropped);
    }
}
