using System.Text.Json.Nodes;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>What the evaluate command's verdict table must look like in piped output: one line per metric, nothing wrapped.</summary>
public static class VerdictTableShape
{
    private const int PipeWidth = 80;

    private static readonly string[] Columns = ["metric", "segment", "role", "baseline", "treatment", "Δ", "Δ interval", "Δ %", "p", "adj. p", "significance"];

    /// <param name="metrics">The treatment's <c>metrics</c> as the verdict route returns them, in order.</param>
    public static void AssertOneRowPerMetric(string output, string title, JsonArray metrics)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(metrics);
        var lines = output.Split('\n');
        var top = Array.FindIndex(lines, l => l.StartsWith('┌'));
        var bottom = top < 0 ? -1 : Array.FindIndex(lines, top, l => l.StartsWith('└'));
        Assert.True(top > 0 && bottom > top, $"no table in:\n{output}");
        Assert.Equal(title, lines[top - 1].Trim());

        var table = lines[top..(bottom + 1)];
        Assert.All(table, line => Assert.Equal(table[0].Length, line.Length));
        Assert.True(table[0].Length > PipeWidth, $"the table is {table[0].Length} columns wide; this verdict needs more than {PipeWidth}:\n{output}");
        Assert.Equal(Columns, Cells(table[1]));
        Assert.StartsWith("├", table[2], StringComparison.Ordinal);

        var rows = table[3..^1];
        Assert.Equal(metrics.Count, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = Cells(rows[i]);
            var metric = metrics[i]!;
            Assert.Equal(Columns.Length, cells.Length);
            Assert.Equal(
                [Label(metric), metric["segment"]!.GetValue<string>(), metric["role"]!.GetValue<string>(), metric["significance"]!.GetValue<string>()],
                [cells[0], cells[1], cells[2], cells[10]]);
        }
    }

    /// <summary>A row judged on its p95 by the bootstrap says so after the metric name.</summary>
    private static string Label(JsonNode metric) =>
        metric["metric"]!.GetValue<string>() + (metric["test"]!.GetValue<string>() == "quantileBootstrap" ? " (p95)" : "");

    private static string[] Cells(string row) => [.. row.Trim().Trim('│').Split('│').Select(c => c.Trim())];
}
