using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Teacher.Evaluation;

namespace SelfLearn.Agents.Teacher.Search.Confirming;

/// <summary>The paired experiment that confirmed (or not) a search's candidate: its id, the candidate's version, the simulation and the verdict.</summary>
public sealed record ConfirmationReport(string ExperimentId, int BaselineVersion, int CandidateVersion, SimulationOutcome Simulation, EvaluationReport? Evaluation);
