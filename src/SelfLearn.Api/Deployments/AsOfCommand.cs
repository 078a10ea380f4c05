using System.Globalization;
using System.Text.Json;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Errors;
using Spectre.Console;

namespace SelfLearn.Api.Deployments;

/// <summary>as-of TIME [--deployment ID]: the configuration the deployment had at an ISO-8601 instant (version, validity, parameters).</summary>
public static class AsOfCommand
{
    public const string Name = "as-of";
    public const int BadInput = 2;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var console = AnsiConsole.Console;
        using var piped = new PipedWidth(console);
        try
        {
            if (args is not [var time, .. var flags] || time.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException("name the instant: as-of TIME (ISO-8601, e.g. 2026-11-29T12:00:00Z) [--deployment ID].");
            if (!Require.TryParseTimestamp(time, out var at))
                throw new ArgumentException($"the time must be an ISO-8601 timestamp, got '{time}'.");
            var arguments = new CommandArguments(flags);
            if (arguments.Unknown(["deployment"]).FirstOrDefault() is { } unknown)
                throw new ArgumentException($"unknown flag --{unknown}.");
            var deploymentId = arguments.Value("deployment") ?? "default";
            if (await ConfigAsOf.ReadAsync(services, deploymentId, at, ct) is not { } snapshot)
                throw new ArgumentException($"deployment '{deploymentId}' had no active configuration at {at.ToString("O", CultureInfo.InvariantCulture)}.");

            var heading = string.Create(CultureInfo.InvariantCulture,
                $"Deployment {snapshot.DeploymentId} at {at:O}: version {snapshot.ConfigVersion}, valid from {snapshot.ValidFrom:O} to {(snapshot.ValidTo is { } to ? to.ToString("O", CultureInfo.InvariantCulture) : "now")}.");
            var table = new Table().AddColumns("parameter", "value");
            foreach (var (key, value) in snapshot.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                table.AddRow(Markup.Escape(key), Markup.Escape(JsonSerializer.Serialize(value)));
            piped.Fit([heading]);
            piped.Fit(table);
            console.WriteLine(heading);
            console.Write(table);
            return 0;
        }
        catch (ArgumentException e)
        {
            piped.Fit([e.Message]);
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return BadInput;
        }
    }
}
