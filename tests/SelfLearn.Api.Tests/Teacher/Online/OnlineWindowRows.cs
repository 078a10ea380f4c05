using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Online;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>Folded windows written straight into <c>selflearn.online_windows</c>, as the live fold would leave them.</summary>
public static class OnlineWindowRows
{
    public static async Task InsertAsync(this IAlbaHost host, params WindowFigure[] figures)
    {
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        foreach (var f in figures)
        {
            await using var command = dataSource.CreateCommand($"""
                INSERT INTO {OnlineWindowTables.Windows} (deployment_id, config_version, experiment_id, variant, window_start, metric, n, total, squares)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """);
            foreach (var value in new object[] { f.DeploymentId, f.ConfigVersion, f.ExperimentId, f.Variant, f.WindowStart.UtcDateTime, f.Metric, f.N, f.Total, f.Squares })
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The window of <paramref name="seconds"/> that holds the deployment's activation instant.</summary>
    public static async Task<DateTimeOffset> ActivationWindowAsync(this IAlbaHost host, string deploymentId, int seconds)
    {
        await using var session = host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var since = (await session.LoadAsync<Deployment>(deploymentId))!.ActiveSince!.Value;
        return DateTimeOffset.FromUnixTimeSeconds(since.ToUnixTimeSeconds() / seconds * seconds);
    }

    /// <summary>Waits (without asserting anything about time) until <paramref name="end"/> has passed, so windows ending there are whole.</summary>
    public static async Task WaitUntilAsync(DateTimeOffset end)
    {
        var left = end - DateTimeOffset.UtcNow;
        if (left > TimeSpan.Zero)
            await Task.Delay(left + TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
    }

    public static WindowFigure Figure(int version, DateTimeOffset start, string metric, long n, double total, string deploymentId = "default") =>
        new(deploymentId, version, "", "", start, metric, n, total, total);
}
