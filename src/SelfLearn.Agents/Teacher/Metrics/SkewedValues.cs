using System.Globalization;
using System.Text;
using Npgsql;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// The value distribution of each skewed metric per variant and segment, as (value, count) in PostgreSQL, for the quantile
/// bootstrap of a verdict (<see cref="MetricAggregate.Values"/>). It reads the runs of <see cref="AggregateSql"/>'s
/// <c>measured</c> rows (same scope, parameters and per-run values) and cuts segments the same way. Each value is
/// rounded first — to 0.1 below 100, to three significant digits from 100 on (1 ms up to 1 s, 10 ms up to 10 s, …) —
/// so a group holds at most 1000 + 900 values per decade above 100 ms (4600 below 1,000,000 ms); a group with more than
/// <see cref="MaxDistinct"/> gets no values (null), and its verdict falls back to the mean.
/// </summary>
internal static class SkewedValues
{
    public const int MaxDistinct = 5000;

    /// <summary>Rows (metric index, variant, segment, values[], counts[]); the arrays are null above <see cref="MaxDistinct"/>.</summary>
    public static string Sql(IReadOnlyList<MetricDefinition> skewed, IReadOnlyList<string> dimensions)
    {
        var unpivot = new StringBuilder();
        for (var i = 0; i < skewed.Count; i++)
            unpivot.Append(CultureInfo.InvariantCulture, $"            ({i}, {Rounded($"m.v{i}")})").AppendLine(i < skewed.Count - 1 ? "," : "");
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
            FROM counted WHERE segment = ANY($7::text[])
            GROUP BY metric, variant, segment
            """;
    }

    /// <summary>
    /// The aggregates with <see cref="MetricAggregate.Values"/> set on every skewed metric's (empty without values);
    /// <paramref name="parameters"/> are those of the per-variant query, copied.
    /// </summary>
    public static async Task<IReadOnlyList<MetricAggregate>> AttachAsync(NpgsqlDataSource dataSource, IReadOnlyList<MetricAggregate> aggregates,
        IReadOnlyList<MetricDefinition> metrics, IReadOnlyList<string> dimensions, IEnumerable<NpgsqlParameter> parameters, CancellationToken ct)
    {
        var skewed = metrics.Where(m => m.Outcome == MetricOutcome.Skewed).ToList();
        if (skewed.Count == 0)
            return aggregates;
        await using var command = dataSource.CreateCommand(Sql(skewed, dimensions));
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter.Clone());
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

    private static string Rounded(string value) =>
        $"(CASE WHEN {value} < 100 THEN round({value}::numeric, 1) ELSE round({value}::numeric, 2 - floor(log({value}::numeric))::int) END)::float8";
}
