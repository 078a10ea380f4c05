namespace SelfLearn.Agents.Experiments.Retrieval;

public enum LocomoStep { Ingesting, Asking }

/// <summary><paramref name="Done"/> more of a step's <paramref name="Total"/> turns (ingesting) or questions (asking) are done.</summary>
public sealed record LocomoProgress(LocomoStep Step, int Total, int Done);
