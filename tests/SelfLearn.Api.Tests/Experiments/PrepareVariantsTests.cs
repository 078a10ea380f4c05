using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Experiments;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Experiments;

/// <summary>The one way experiments get versions: create one, or reuse the identical one, then activate or bind it.</summary>
public sealed class PrepareVariantsTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly Dictionary<string, JsonElement> TopK3 = new() { ["retrieval.top_k"] = JsonSerializer.SerializeToElement(3) };

    private async Task<T> InScope<T>(Func<PrepareVariants, Task<T>> act)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<PrepareVariants>());
    }

    [Fact]
    public async Task Activating_the_same_values_twice_creates_and_activates_one_version()
    {
        var first = await InScope(p => p.ActivateAsync("eval-t", TopK3, "open", "first", "test", CancellationToken.None));
        var events = await Host.EventCount();

        var second = await InScope(p => p.ActivateAsync("eval-t", TopK3, "open", "again", "test", CancellationToken.None));

        Assert.Equal(3, first["retrieval.top_k"].GetInt32());
        Assert.Equal(3, second["retrieval.top_k"].GetInt32());
        Assert.Equal(events, await Host.EventCount());
        var versions = (await Host.Get("/api/deployments/eval-t/versions"))!.AsArray();
        Assert.Equal(2, versions.Count); // the opening version and the one with top_k 3
        Assert.Equal(2, (await Host.Get("/api/deployments/eval-t/config"))!["configVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_variant_without_a_real_change_is_bound_to_the_active_version()
    {
        var active = await InScope(p => p.OpenAsync("sim-t", "open", "test", CancellationToken.None));
        var activeTopK = (await Host.Get("/api/deployments/sim-t/config"))!["parameters"]!["retrieval.top_k"]!.GetValue<int>();
        var same = new Dictionary<string, JsonElement> { ["retrieval.top_k"] = JsonSerializer.SerializeToElement(activeTopK) };

        var bound = await InScope(p => p.RegisterExperimentAsync("exp-t", "sim-t",
            [new VariantChanges("a", same, "variant a"), new VariantChanges("b", TopK3, "variant b")], "open", "test experiment", "test", CancellationToken.None));

        Assert.Equal(active, bound.Single(v => v.Name == "a").ConfigVersion);
        Assert.Equal(active + 1, bound.Single(v => v.Name == "b").ConfigVersion);
        var experiment = await Host.Get("/api/experiments/exp-t");
        Assert.Equal([active, active + 1], experiment!["variants"]!.AsArray().Select(v => v!["configVersion"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_refused_change_names_the_variant_and_registers_nothing()
    {
        await InScope(p => p.OpenAsync("sim-r", "open", "test", CancellationToken.None));
        var events = await Host.EventCount();
        var invalid = new Dictionary<string, JsonElement> { ["retrieval.top_k"] = JsonSerializer.SerializeToElement(-1) };

        var refused = await Assert.ThrowsAsync<VariantRefusedException>(() => InScope(p => p.RegisterExperimentAsync("exp-r", "sim-r",
            [new VariantChanges("b", invalid, "variant b")], "open", "test experiment", "test", CancellationToken.None)));

        Assert.Equal("b", refused.Variant);
        Assert.Equal(events, await Host.EventCount());
    }
}
