using System.Globalization;
using System.Text;
using Npgsql;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// The value distribution of each skewed metric per variant and segment, as (value, count), for the quantile bootstrap
/// of a verdict (<see cref="MetricAggregate.Values"/>). The values are those the percentiles read: each run's value
/// rounded once to <see cref="FoldSql.SignificantDigits"/> significant digits when it is folded, so a group holds at most
/// 900 values per decade; a group with more than <see cref="MaxDistinct"/> gets no values (null), and its verdict falls
/// back to the mean. A whole experiment's counts are the fold's running counts; a narrower scope counts its folded runs.
/// </summary>
internal static class SkewedValues
{
    public const int MaxDistinct = 5000;

    /// <summary>Parameters: $1 the experiment, $2 the skewed metrics' names, $3 the segments.</summary>
    private static readonly string Folded = $"""
        SELECT (m.ord - 1)::int, c.variant, c.segment,
            CASE WHEN count(*) <= {MaxDistinct} THEN array_agg(c.value ORDER BY c.value) END,
            CASE WHEN count(*) <= {MaxDistinct} THEN array_agg(c.n ORDER BY c.value) END
        FROM unnest($2::text[]) WITH ORDINALITY AS m(metric, ord)
        JOIN {FoldTables.ValueCounts} c ON c.experiment_id = $1 AND c.metric = m.metric AND c.segment = ANY($3::text[]) AND c.n > 0
        GROUP BY m.ord, c.variant, c.segment
        """;

    /// <summary>Parameters as <see cref="AggregateSql"/>'s; reads the rounded column (<c>r{i}</c>) of its per-run rows.</summary>
    private static string PerRun(IReadOnlyList<MetricDefinition> skewed, IReadOnlyList<string> dimensions)
    {
        var unpivot = new StringBuilder();
        for (var i = 0; i < skewed.Count; i++)
            unpivot.Append(CultureInfo.InvariantCulture, $"            ({i}, m.r{i})").AppendLine(i < skewed.Count - 1 ? "," : "");
        return $"""
            {AggregateSql.Measured(skewed)},
            valued AS (
                SELECT m.variant, m.kind, m.persona, m.project, u.metric, u.value
                FROM measured m CROSS JOIN LATERAL (VALUES
            {unpivot.ToString().TrimEnd()}
                ) AS u(metric, value)
                WHERE u.value IS NOT NULL),
            counted AS (
                SELECT metric, variant, {AggregateSql.Segment(dimensions)} AS segment, value, count(*) AS n
                FROM valued GROUP BY {AggregateSql.GroupingSets("metric, variant, value", dimensions)})
            SELECT metric, variant, segment,
                CASE WHEN count(*) <= {MaxDistinct} THEN array_agg(value ORDER BY value) END,
                CASE WHEN count(*) <= {MaxDistinct} THEN array_agg(n ORDER BY value) END
            FROM counted WHERE segment = ANY($6::text[])
            GROUP BY metric, variant, segment
            """;
    }

    /// <summary>The aggregates with <see cref="MetricAggregate.Values"/> set on every skewed metric's (empty without values).</summary>
    public static async Task<IReadOnlyList<MetricAggregate>> AttachAsync(NpgsqlDataSource dataSource, PreparedRequest prepared,
        IReadOnlyList<MetricAggregate> aggregates, CancellationToken ct)
    {
        var skewed = prepared.Metrics.Where(m => m.Outcome == MetricOutcome.Skewed).ToList();
        if (skewed.Count == 0)
            return aggregates;
        await using var command = prepared.WholeExperiment ? dataSource.CreateCommand(Folded) : dataSource.CreateCommand(PerRun(skewed, prepared.Dimensions));
        if (prepared.WholeExperiment)
        {
            command.Parameters.Add(AggregateMetrics.Text(prepared.Request.Scope.ExperimentId));
            command.Parameters.Add(AggregateMetrics.TextArray(skewed.Select(m => m.Name)));
            command.Parameters.Add(AggregateMetrics.TextArray(prepared.Request.SegmentsWithAll));
        }
        else
            command.Parameters.AddRange(prepared.Parameters.Select(p => p.Clone()).ToArray());

        var found = new Dictionary<(string Metric, string Variant, string Segment), IReadOnlyList<WeightedValue>?>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                found[(skewed[reader.GetInt32(0)].Name, reader.GetString(1), reader.GetString(2))] = reader.IsDBNull(3)
                    ? null
                    : [.. reader.GetFieldValue<double[]>(3).Zip(reader.GetFieldValue<long[]>(4), (value, count) => new WeightedValue(value, count))];
        return
        [
            .. aggregates.Select(a => skewed.Any(m => m.Name == a.Metric)
                ? a with { Values = found.TryGetValue((a.Metric, a.Variant, a.Segment), out var values) ? values : [] }
                : a),
        ];
    }
}
