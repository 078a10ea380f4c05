using Alba;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>Experiments an evaluation must refuse, and one it can evaluate without a simulation (hand-made runs).</summary>
public static class TeacherExperiments
{
    public const string Empty = "exp-empty";
    public const string Aborted = "exp-gone";

    public static object Design(string id) => new
    {
        id, deploymentId = "default",
        variants = new[] { new { name = "a", configVersion = 1 }, new { name = "b", configVersion = 1 } },
        primaryMetrics = new[] { new { metric = "retrieval.delivered_recall", minimumEffect = new { value = 0.05, scale = "absolute" } } },
    };

    /// <summary><see cref="Empty"/> has no runs; <see cref="Aborted"/> has a run but was aborted.</summary>
    public static async Task RegisterRefusedExperimentsAsync(this IAlbaHost host)
    {
        await host.Post("/api/experiments", Design(Empty), 201);
        await host.Post("/api/experiments", Design(Aborted), 201);
        await host.Post($"/api/experiments/{Aborted}/abort", new { reason = "called off" }, 200);
        await host.StoreAsync(HandMadeRuns.Run("a", "alpha/q1", ["a1"], ["a1"], experimentId: Aborted));
    }

    /// <summary><see cref="HandMadeRuns.Experiment"/> registered, simulated by hand: each variant answers the three questions with evidence.</summary>
    public static async Task RegisterHandMadeExperimentAsync(this IAlbaHost host)
    {
        await host.Post("/api/experiments", Design(HandMadeRuns.Experiment), 201);
        await host.RecordSimulationAsync();
        await host.StoreAsync(
            HandMadeRuns.Run("a", "alpha/q1", ["a1", "a2"], ["a1", "a2"]), HandMadeRuns.Run("b", "alpha/q1", ["a1", "x"], ["a1"]),
            HandMadeRuns.Run("a", "alpha/q2", ["a3"], ["a3"]), HandMadeRuns.Run("b", "alpha/q2", ["x"], ["x"]),
            HandMadeRuns.Run("a", "beta/q1", ["b1"], ["b1"]), HandMadeRuns.Run("b", "beta/q1", ["b1"], ["b1"]));
    }
}
