namespace SelfLearn.Agents.Teacher.Evaluation;

/// <summary>A step of an evaluation (judging, aggregating, deciding, analysing) and how many items it has done.</summary>
public sealed record EvaluationProgress(string Step, int Done);
