using System.Globalization;
using SelfLearn.Agents.Student.Feedback;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// Each metric's value for one run as a SQL expression over a row <c>s</c> of the run (the wide run with its golden
/// example when a run is folded, <see cref="Folding.FoldSql"/>; the folded run with the judge's score when a judge-based
/// metric or the cost is asked, <see cref="AggregateSql"/>), and when that run counts as missing (it should have a value but lacks the data). A null value leaves the run out.
/// Only answered runs (the MaaS returned an answer) have values, except <c>error.rate</c>, which counts every run.
/// </summary>
internal static class MetricSql
{
    public const string InputPrice = "$7";
    public const string OutputPrice = "$8";

    /// <summary>The one metric whose value depends on settings (the prices), so it is never folded.</summary>
    public const string Cost = "cost.usd";

    private const string NotApplicable = "false";
    private const string NoGoldenExample = "s.answered AND NOT s.golden";
    private const string NoJudgeScore = "s.answered AND NOT s.judged";

    public static (string Value, string Missing) For(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var name = metric.Name;
        if (Depth(name, "retrieval.recall@") is { } recallK)
            return Evidence($"s.within_{recallK}::float8 / cardinality(s.evidence)");
        if (Depth(name, "retrieval.hit@") is { } hitK)
            return Evidence($"(s.within_{hitK} > 0)::int");
        if (Depth(name, "retrieval.ndcg@") is { } ndcgK)
            return Evidence($"coalesce(s.dcg_{ndcgK}, 0) / s.ideal_dcg_{ndcgK}");
        if (name.StartsWith("latency.", StringComparison.Ordinal) && name != "latency.observed_total_ms")
        {
            var stage = $"(s.latency_ms ->> '{name["latency.".Length..^"_ms".Length]}')";
            return ($"CASE WHEN s.answered THEN {stage}::float8 END", $"s.answered AND {stage} IS NULL");
        }

        return name switch
        {
            "retrieval.mrr" => Evidence("coalesce(1 / s.first_rank::float8, 0)"),
            "retrieval.delivered_precision" => Evidence(
                "CASE WHEN cardinality(s.delivered) = 0 THEN 0 ELSE (SELECT count(*) FROM unnest(s.delivered) d WHERE d = ANY(s.evidence))::float8 / cardinality(s.delivered) END"),
            "retrieval.delivered_recall" => Evidence("s.evidence_delivered::float8 / cardinality(s.evidence)"),
            "answer.correctness" => Judged("s.correct::int"),
            "answer.hallucination_rate" => Judged("s.hallucinated::int"),
            "answer.faithfulness" => Judged("CASE WHEN s.claims > 0 THEN s.supported_claims::float8 / s.claims END"),
            "context.utilization" => Judged(
                "CASE WHEN s.delivered_count > 0 THEN (SELECT count(DISTINCT u) FROM unnest(s.used_context_items) u " +
                "WHERE u >= 0 AND u < s.delivered_count)::float8 / s.delivered_count END"),
            "answer.abstention_rate" => ("CASE WHEN s.answered THEN s.abstained::int END", NotApplicable),
            "answer.correct_abstention_rate" => ("CASE WHEN s.answered AND NOT s.answerable THEN s.abstained::int END", NoGoldenExample),
            "answer.wrong_abstention_rate" => ("CASE WHEN s.answered AND s.answerable THEN s.abstained::int END", NoGoldenExample),
            "latency.observed_total_ms" => ("CASE WHEN s.answered THEN s.observed_total_ms END", NotApplicable),
            "tokens.in" => ("CASE WHEN s.answered THEN s.tokens_in END", NotApplicable),
            "tokens.out" => ("CASE WHEN s.answered THEN s.tokens_out END", NotApplicable),
            Cost => ($"CASE WHEN s.answered THEN (s.tokens_in * {InputPrice} + s.tokens_out * {OutputPrice}) / 1000000 END", NotApplicable),
            "error.rate" => ("(s.error IS NOT NULL)::int", NotApplicable),
            "feedback.negative_rate" => (Feedback("CASE WHEN f.thumbs = 'down' OR f.stars <= 2 THEN 1 ELSE 0 END"), NotApplicable),
            "feedback.rating" => (Feedback("coalesce(f.stars, CASE f.thumbs WHEN 'up' THEN 5 ELSE 1 END)"), NotApplicable),
            _ => throw new ArgumentException($"metric '{name}' has no SQL; add it to MetricSql.", nameof(metric)),
        };
    }

    /// <summary>
    /// Where each evidence id first stands in the ranked list, counted once per run for every ranking metric (the row
    /// <c>s</c> carries these columns): evidence ids within the first k, their DCG and the ideal DCG at each depth, the
    /// best rank, and how many were delivered. Evidence ids are distinct, so an id's first position is its rank.
    /// </summary>
    public static string EvidenceRanks(string evidence, string ranked, string delivered) => $"""
        SELECT min(p.rank) AS first_rank, count(*) FILTER (WHERE p.id = ANY({delivered})) AS evidence_delivered,
            {string.Join(",\n            ", MetricRegistry.Depths.Select(k =>
                $"count(*) FILTER (WHERE p.rank <= {k}) AS within_{k}, sum(ln(2::float8) / ln(p.rank + 1::float8)) FILTER (WHERE p.rank <= {k}) AS dcg_{k}, " +
                $"sum(ln(2::float8) / ln(p.i + 1::float8)) FILTER (WHERE p.i <= {k}) AS ideal_dcg_{k}"))}
        FROM (SELECT u.id, u.i, array_position({ranked}, u.id) AS rank FROM unnest({evidence}) WITH ORDINALITY AS u(id, i)) p
        """;

    /// <summary>Runs whose golden example has no evidence (unanswerable questions) are left out, not scored 0.</summary>
    private static (string, string) Evidence(string value) =>
        ($"CASE WHEN s.answered AND cardinality(s.evidence) > 0 THEN {value} END", NoGoldenExample);

    /// <summary>Null (the run is left out) unless its user sent feedback; a run without feedback is not missing data.</summary>
    private static string Feedback(string value) => $"(SELECT {value} FROM {RecordFeedback.Table} f WHERE f.run_id = s.run_id)";

    private static (string, string) Judged(string value) => ($"CASE WHEN s.answered AND s.judged THEN {value} END", NoJudgeScore);

    private static int? Depth(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) ? int.Parse(name[prefix.Length..], CultureInfo.InvariantCulture) : null;
}
