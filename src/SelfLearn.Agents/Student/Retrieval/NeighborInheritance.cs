namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// A memory's final score: final_i = max(fused_i, w · max over d = 1..W of max(fused_{i−d}, fused_{i+d}) / d), where i±d is
/// the turn d steps before or after in the same session (0 where there is none), w is
/// <see cref="RetrievalSettings.NeighborWeight"/> and W is <see cref="RetrievalSettings.NeighborWindow"/>. With W = 1 a
/// memory inherits w times the better of its previous and next turn. Inheritance reads fused scores, so it never chains.
/// </summary>
internal static class NeighborInheritance
{
    public static void Apply(IndexSnapshot index, ScoreTable table, double weight, int window)
    {
        var fused = table.Fused;
        var final = table.Final;
        for (var i = 0; i < final.Length; i++)
            final[i] = FinalAt(index, fused, i, weight, window);
    }

    /// <summary>The final score of one memory; it reads the fused scores of the turns within the window only.</summary>
    public static double FinalAt(IndexSnapshot index, ReadOnlySpan<double> fused, int i, double weight, int window)
    {
        var best = 0.0;
        int previous = i, next = i;
        for (var distance = 1; distance <= window; distance++)
        {
            previous = previous == SessionLinks.None ? SessionLinks.None : index.Previous[previous];
            next = next == SessionLinks.None ? SessionLinks.None : index.Next[next];
            if (previous == SessionLinks.None && next == SessionLinks.None)
                break;
            var nearest = Math.Max(previous == SessionLinks.None ? 0 : fused[previous], next == SessionLinks.None ? 0 : fused[next]);
            best = Math.Max(best, nearest / distance);
        }

        return Math.Max(fused[i], weight * best);
    }

    /// <summary>
    /// Appends to <paramref name="into"/> every memory within <paramref name="window"/> turns of one in <paramref name="from"/>
    /// whose level is still 0, and gives it <paramref name="level"/>.
    /// </summary>
    public static void AddWindows(IndexSnapshot index, List<int> from, int window, byte[] levels, byte level, List<int> into)
    {
        var count = from.Count;
        for (var f = 0; f < count; f++)
        {
            int previous = from[f], next = from[f];
            for (var distance = 1; distance <= window; distance++)
            {
                previous = previous == SessionLinks.None ? SessionLinks.None : index.Previous[previous];
                next = next == SessionLinks.None ? SessionLinks.None : index.Next[next];
                Join(previous, levels, level, into);
                Join(next, levels, level, into);
            }
        }
    }

    /// <summary>Appends <paramref name="position"/> to <paramref name="into"/> with <paramref name="level"/> unless it has one already or is no memory.</summary>
    public static void Join(int position, byte[] levels, byte level, List<int> into)
    {
        if (position == SessionLinks.None || levels[position] != 0)
            return;
        levels[position] = level;
        into.Add(position);
    }
}
