using System.Security.Cryptography;
using System.Text;
using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>
/// The exact scan's answers, pinned: a hash of every item (id, score and score parts to the last bit), every ranked id and
/// every counter, over the first LoCoMo dev conversation's questions on 4,000 memories built from its real turn vectors,
/// under the catalog defaults and settings that turn on every other signal. The hashes (their first 128 bits) were computed with the
/// implementation before the speed-ups of #15 (commit 796a374); any change to a ranking or a score changes them.
/// </summary>
public sealed class ExactScanPinTests(LocomoVectorsFixture locomo) : IClassFixture<LocomoVectorsFixture>
{
    private const int Seed = 7;

    public static TheoryData<string, string> Cases() => new()
    {
        { "defaults", "CED2FA4D17F258EE71F0EFC7666A5C21" },
        { "speaker, wide neighbours, feedback, cuts", "858969E9BC4D072DBD2B8D19EECDBD71" },
        { "zscore", "48896EFD43F0B8CEBECA671315E2E113" },
        { "minmax, recency-heavy", "F7DCBF639AC15F446A0D18FDEFCFD3BC" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_exact_scan_answers_as_before_the_speed_ups(string name, string expected)
    {
        var settings = name switch
        {
            "defaults" => CatalogDefaults,
            "speaker, wide neighbours, feedback, cuts" => SpeakerNeighboursFeedbackCuts,
            "zscore" => CatalogDefaults with { Fusion = FusionMethod.ZScore, TopK = 10 },
            _ => CatalogDefaults with { Fusion = FusionMethod.MinMax, RecencyWeight = 0.6, RecencyHalfLifeDays = 2, DuplicateSimilarity = 0.9 },
        };
        using var index = new MemoryIndex(locomo.Sessions(4_000, Seed), new AnnOptions { Threshold = int.MaxValue });
        var now = index.Latest!.Value.AddDays(3);

        var text = new StringBuilder();
        for (var q = 0; q < locomo.Questions.Count; q++)
            text.Append(Describe(HybridRetriever.Retrieve(index, locomo.Questions[q], locomo.QuestionVectors[q], settings, now)));

        Assert.Equal(expected, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32]);
    }
}
