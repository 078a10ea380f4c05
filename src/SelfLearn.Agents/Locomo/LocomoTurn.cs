namespace SelfLearn.Agents.Locomo;

/// <summary>One utterance; image turns carry the caption of the shared photo instead of the photo.</summary>
public sealed record LocomoTurn(string DiaId, string Speaker, string Text, string? ImageCaption)
{
    /// <summary>What a memory store should index: the caption matters, questions often ask about the photo.</summary>
    public string MemoryText => ImageCaption is null ? Text : $"{Text} [image: {ImageCaption}]";
}
