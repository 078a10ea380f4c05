namespace SelfLearn.Agents.Teacher.Judging.Offline;

/// <summary>
/// The offline judge's thresholds (docs/JUDGE.md). Changing any of them, or any rule of this folder, changes scores:
/// bump <see cref="Version"/> so cached scores of the old rules are not reused and verdicts say which rules they used.
/// </summary>
public static class OfflineJudgeRules
{
    public const string Name = "offline";

    public const string Version = "offline-v2";

    /// <summary>Share of a claim's checked words that one context item, or two together, must hold.</summary>
    public const double LexicalSupport = 0.75;

    /// <summary>With an embedding cosine of at least <see cref="EmbeddingSupport"/>, one item need hold only this share.</summary>
    public const double LexicalFloor = 0.5;

    /// <summary>Cosine between a claim and one item that lets a paraphrase through with <see cref="LexicalFloor"/>.</summary>
    public const double EmbeddingSupport = 0.90;

    /// <summary>Share of the golden answer's words the answer must hold to be correct.</summary>
    public const double CorrectRecall = 0.5;

    /// <summary>Cosine between answer and golden answer that makes it correct when the golden answer has no content word ("Yes").</summary>
    public const double CorrectSimilarity = 0.90;
}
