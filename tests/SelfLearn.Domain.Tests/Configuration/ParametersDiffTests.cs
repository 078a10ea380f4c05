using System.Text.Json;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Domain.Tests.Configuration;

public sealed class ParametersDiffTests
{
    private static JsonElement J(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void A_version_recorded_before_a_factor_joined_the_catalog_reads_that_factors_default_so_only_real_changes_remain()
    {
        var defaults = new Dictionary<string, JsonElement> { ["retrieval.top_k"] = J("5"), ["retrieval.neighbor_window"] = J("1") };
        var old = new Dictionary<string, JsonElement> { ["retrieval.top_k"] = J("7") };
        var treated = new Dictionary<string, JsonElement> { ["retrieval.top_k"] = J("10"), ["retrieval.neighbor_window"] = J("1") };

        var change = Assert.Single(Parameters.Diff(defaults, old, treated));

        Assert.Equal(("retrieval.top_k", "7", "10"), (change.Key, change.From!.Value.GetRawText(), change.To!.Value.GetRawText()));
        Assert.Equal(2, Parameters.Diff(old, treated).Count); // without the defaults the new factor looks changed from nothing
    }
}
