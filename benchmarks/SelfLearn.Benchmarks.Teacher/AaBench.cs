using Npgsql;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Benchmarks.Teacher;

/// <summary>How often one test declared a difference among the A/A comparisons, against the band alpha ± 2·SE.</summary>
internal sealed record AaRate(string Metric, string Test, int Examples, double Alpha, int Significant, double Rate, double Low, double High, bool WithinBand);

internal sealed record AaResult(int Comparisons, int Seed, int Answered, IReadOnlyList<AaOutcomeMean> Outcomes, IReadOnlyList<AaRate> Rates);

/// <summary>A per-example outcome's mean as read here and as <see cref="AggregateMetrics"/> computed it for the same runs.</summary>
internal sealed record AaOutcomeMean(string Metric, int Examples, double Mean, double AggregateMean);

/// <summary>
/// A/A honesty check on real outcomes: variant a's per-example values from the library pass (delivered recall, hit@5,
/// abstention), shuffled with a seed and split into two arms of equal size, pair i of one arm against pair i of the
/// other, <c>comparisons</c> times. With no real difference, a test at level alpha must find one in about alpha of the
/// comparisons: within alpha ± 2·√(alpha(1 − alpha)/comparisons).
/// </summary>
internal static class AaBench
{
    private const string PerExample = """
        SELECT CASE WHEN cardinality(g.evidence_source_ids) > 0 THEN
                (SELECT count(*) FROM unnest(g.evidence_source_ids) e WHERE e = ANY(r.retrieved_source_ids))::float8 / cardinality(g.evidence_source_ids) END,
            CASE WHEN cardinality(g.evidence_source_ids) > 0 THEN
                (g.evidence_source_ids && (coalesce(r.ranked_source_ids, r.retrieved_source_ids))[1:5])::int END,
            r.abstained::int
        FROM selflearn.runs r
        JOIN selflearn.golden_examples g ON g.dataset = $2 AND g.version = $3 AND g.example_id = r.example_id
        WHERE r.experiment_id = $1 AND r.simulation_id = $4 AND r.variant = 'a' AND r.answer IS NOT NULL
        ORDER BY r.example_id
        """;

    private static readonly double[] Alphas = [0.05, 0.01];

    public static async Task<AaResult> RunAsync(NpgsqlDataSource database, AggregateMetrics aggregates, LibraryRun library, int comparisons, int seed, CancellationToken ct)
    {
        var (recall, hit, abstained) = await ReadAsync(database, library, ct);
        var request = new MetricRequest(new MetricScope(library.ExperimentId, library.SimulationId),
            ["retrieval.delivered_recall", "retrieval.hit@5", "answer.abstention_rate"], []);
        var computed = (await aggregates.PerVariantAsync(request, ct)).Where(a => a.Variant == "a").ToDictionary(a => a.Metric, a => a.Sum / a.Count);
        AaOutcomeMean[] means =
        [
            new("retrieval.delivered_recall", recall.Length, Stats.Round(recall.Average(), 6), Stats.Round(computed["retrieval.delivered_recall"], 6)),
            new("retrieval.hit@5", hit.Length, Stats.Round(hit.Average(), 6), Stats.Round(computed["retrieval.hit@5"], 6)),
            new("answer.abstention_rate", abstained.Length, Stats.Round(abstained.Average(), 6), Stats.Round(computed["answer.abstention_rate"], 6)),
        ];

        var random = new Random(seed);
        var tests = new (string Metric, string Test, double[] Values, Func<double[], double[], double> P)[]
        {
            ("retrieval.delivered_recall", "paired t", recall, (a, b) => PairedTTest.Run(PairedMoments.FromPairs(a.Zip(b))).P),
            ("retrieval.delivered_recall", "Welch t", recall, (a, b) => WelchTTest.Run(SampleMoments.FromValues(a), SampleMoments.FromValues(b)).P),
            ("retrieval.hit@5", "McNemar", hit, McNemarP),
            ("answer.abstention_rate", "McNemar", abstained, McNemarP),
        };
        var significant = new int[tests.Length, Alphas.Length];
        for (var c = 0; c < comparisons; c++)
        {
            for (var t = 0; t < tests.Length; t++)
            {
                var shuffled = tests[t].Values.ToArray();
                random.Shuffle(shuffled);
                var half = shuffled.Length / 2;
                var p = tests[t].P(shuffled[..half], shuffled[half..(2 * half)]);
                for (var a = 0; a < Alphas.Length; a++)
                    if (p < Alphas[a])
                        significant[t, a]++;
            }
        }

        var rates = new List<AaRate>();
        for (var t = 0; t < tests.Length; t++)
            for (var a = 0; a < Alphas.Length; a++)
            {
                var alpha = Alphas[a];
                var band = 2 * Math.Sqrt(alpha * (1 - alpha) / comparisons);
                var rate = (double)significant[t, a] / comparisons;
                rates.Add(new AaRate(tests[t].Metric, tests[t].Test, tests[t].Values.Length / 2, alpha, significant[t, a], rate,
                    Stats.Round(alpha - band, 4), Stats.Round(alpha + band, 4), rate >= alpha - band && rate <= alpha + band));
            }
        return new AaResult(comparisons, seed, abstained.Length, means, rates);
    }

    private static double McNemarP(double[] baseline, double[] treatment)
    {
        long both = 0, baselineOnly = 0, treatmentOnly = 0;
        for (var i = 0; i < baseline.Length; i++)
        {
            if (baseline[i] == 1 && treatment[i] == 1) both++;
            else if (baseline[i] == 1) baselineOnly++;
            else if (treatment[i] == 1) treatmentOnly++;
        }
        return McNemarTest.Run(new PairedBinaryCounts(baseline.Length, both, baselineOnly, treatmentOnly)).Test.P;
    }

    private static async Task<(double[] Recall, double[] Hit, double[] Abstained)> ReadAsync(NpgsqlDataSource database, LibraryRun library, CancellationToken ct)
    {
        await using var command = database.CreateCommand(PerExample);
        command.Parameters.Add(new NpgsqlParameter { Value = library.ExperimentId });
        command.Parameters.Add(new NpgsqlParameter { Value = library.Dataset.Dataset });
        command.Parameters.Add(new NpgsqlParameter { Value = library.Dataset.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = library.SimulationId });
        List<double> recall = [], hit = [], abstained = [];
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!reader.IsDBNull(0))
            {
                recall.Add(reader.GetDouble(0));
                hit.Add(reader.GetInt32(1));
            }
            abstained.Add(reader.GetInt32(2));
        }
        return ([.. recall], [.. hit], [.. abstained]);
    }
}
