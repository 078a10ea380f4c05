namespace SelfLearn.Agents.Locomo;

public sealed record LocomoSession(int Number, DateTimeOffset Date, IReadOnlyList<LocomoTurn> Turns);
