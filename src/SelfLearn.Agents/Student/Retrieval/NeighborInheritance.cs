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

            final[i] = Math.Max(fused[i], weight * best);
        }
    }
}
