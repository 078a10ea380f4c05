using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>
/// An app whose recurring schedule evaluates every second, on 1-second windows. It is ready once Wolverine's leader has
/// given a node the schedule's agent: before that nothing evaluates, and a fresh host takes several seconds to elect a
/// leader, longer than the degrade demo's five seconds of traffic.
/// </summary>
public sealed class ScheduledRulesApp() : IsolatedApp(new Dictionary<string, string>
{
    ["Online:WindowSeconds"] = "1",
    ["Online:EvaluateSeconds"] = "1",
})
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var database = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await Polling.UntilAsync(ct => WolverineAgents.HolderAsync(database, WolverineAgents.DegradationRules, ct), TimeSpan.FromMinutes(2));
    }
}
