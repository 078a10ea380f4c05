namespace SelfLearn.Agents.Student.Generation;

/// <summary>
/// The seed of the answer model's draw: same question in the same thread → same draw, so paired runs repeat exactly
/// (the emulator gives each variant its own user but the same thread ids). Without a thread the user keys the draw.
/// </summary>
public static class AnswerSeed
{
    public static long For(string? threadId, string userId, string question)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(question);
        return $"{threadId ?? userId}\n{question}".Aggregate(1469598103934665603L, (h, c) => unchecked((h ^ c) * 1099511628211L));
    }
}
