using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>
/// Whether a simulation's queries are observed: only when the MaaS is not this process (<c>Maas:BaseUrl</c> is set),
/// since the Student records its own pipeline runs. (The <c>selflearn.runs</c> view also skips an observation whose
/// MaaS run id is a pipeline run, so even a misconfigured run is not counted twice.)
/// </summary>
public sealed class MaasObservations(IConfiguration configuration, ObservedRunWriter writer, TimeProvider clock)
{
    public ObservingMaasClient? Observe(IMaasClient maas) =>
        configuration["Maas:BaseUrl"] is null ? null : new ObservingMaasClient(maas, writer, clock);
}
