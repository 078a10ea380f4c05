using SelfLearn.Agents.Audit.Why;
using Spectre.Console;

namespace SelfLearn.Api.Commands;

/// <summary>why &lt;factor&gt; [--deployment ID]: the decisions behind the factor's current value, goal to activation (exit 1 when unknown).</summary>
public static class WhyCommand
{
    public const string Name = "why";
    public const int Unknown = 1;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (args is not [var factor, .. var rest] || factor.StartsWith("--", StringComparison.Ordinal))
        {
            AnsiConsole.MarkupLine("[red]usage[/]: why <factor> [[--deployment ID]]");
            return Unknown;
        }
        var deploymentId = new CommandArguments(rest).Value("deployment") ?? "default";
        if (await TraceWhy.RunAsync(services, deploymentId, factor, ct) is not { } why)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"No factor '{factor}' in the active version of deployment '{deploymentId}'."));
            return Unknown;
        }

        AnsiConsole.MarkupLine(Markup.Escape($"{why.Factor} = {why.Value.GetRawText()} on deployment '{why.DeploymentId}' (active version {why.ActiveVersion})"));
        var table = new Table().AddColumns("link", "id", "stream", "event", "sequence", "at", "by", "why");
        foreach (var link in why.Chain)
            table.AddRow([.. new[] { link.Link, link.Id, link.Stream, link.Event, link.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                link.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture), link.By, link.Why }.Select(Markup.Escape)]);
        using var piped = new PipedWidth(AnsiConsole.Console);
        piped.Fit(table);
        AnsiConsole.Write(table);
        if (why.Missing.Count > 0)
            AnsiConsole.MarkupLine(Markup.Escape($"Not in this chain: {string.Join(", ", why.Missing)} (a change the autonomy policy let the loop make has no approval; a change made by hand has none of the Manager's links)"));
        return 0;
    }
}
