namespace SelfLearn.Agents.Locomo;

public sealed record LocomoConversation(
    string SampleId,
    string SpeakerA,
    string SpeakerB,
    IReadOnlyList<LocomoSession> Sessions,
    IReadOnlyList<LocomoQuestion> Questions)
{
    public IEnumerable<LocomoTurn> Turns => Sessions.SelectMany(session => session.Turns);
}
