using SelfLearn.Agents.Maas;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>
/// One query as the emulator saw it over HTTP, in the columns of a pipeline run (<c>selflearn.maas_observations</c>):
/// the request's tags, what came back (or the error), the MaaS's own stage times and the round trip measured here.
/// </summary>
public sealed record ObservedRun(
    Guid RunId,
    Guid? MaasRunId,
    DateTimeOffset At,
    QueryRequest Request,
    QueryResponse? Response,
    double ObservedTotalMs,
    string? Error)
{
    public static ObservedRun Answered(DateTimeOffset at, QueryRequest request, QueryResponse response, double observedMs) =>
        new(Guid.CreateVersion7(), response.RunId, at, request, response, observedMs, null);

    public static ObservedRun Failed(DateTimeOffset at, QueryRequest request, Exception error, double observedMs) =>
        new(Guid.CreateVersion7(), null, at, request, null, observedMs, $"{error.GetType().Name}: {error.Message}");
}
