using System.Text.Json;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Tests.Tuner;

public sealed class RunnableFactorValuesTests
{
    [Fact]
    public void The_prompt_version_may_name_exactly_the_prompt_templates_of_this_build() =>
        Assert.Equal(["answer-v1", "answer-v2", "answer-lenient"], RunnableFactorValues.Current.ByFactor["generation.system_prompt_version"]);

    [Fact]
    public void Fusion_may_name_exactly_the_methods_the_retriever_reads() =>
        Assert.Equal(["zscore", "minmax", "rrf"], RunnableFactorValues.Current.ByFactor["retrieval.fusion"]);

    [Fact]
    public void The_second_embedder_may_name_exactly_the_models_the_retriever_reads() =>
        Assert.Equal(["none", "minilm"], RunnableFactorValues.Current.ByFactor["retrieval.second_embedder"]);

    [Fact]
    public void Every_seeded_default_is_runnable_in_this_build() =>
        Assert.All(DefaultCatalog.Factors, f => Assert.Empty(FactorDefinitionRules.Check(f.Key, f.Type, f.Bounds, f.Default, RunnableFactorValues.Current)));

    [Fact]
    public void A_prompt_version_without_a_template_is_not_runnable() =>
        Assert.Equal(ViolationRule.NotRunnable,
            RunnableFactorValues.Current.Check("generation.system_prompt_version", JsonSerializer.SerializeToElement("answer-v9"))!.Rule);
}
