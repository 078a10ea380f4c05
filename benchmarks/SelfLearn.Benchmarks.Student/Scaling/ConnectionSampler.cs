using Npgsql;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>The app's connections to the database (pg_stat_activity, client backends, the sampler's own left out).</summary>
internal sealed record ConnectionUse(int MaxOpen, int MaxActive, int Samples);

/// <summary>Counts the open and the active (running a statement) connections every half second while a load runs.</summary>
internal sealed class ConnectionSampler : IAsyncDisposable
{
    private const string Count = """
        SELECT count(*)::int, count(*) FILTER (WHERE state = 'active')::int FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
        """;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task<ConnectionUse> _sampling;

    private ConnectionSampler(NpgsqlDataSource database) => _sampling = SampleAsync(database, _stop.Token);

    public static ConnectionSampler Start(NpgsqlDataSource database) => new(database);

    public async Task<ConnectionUse> StopAsync()
    {
        await _stop.CancelAsync();
        return await _sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (Exception)
        {
            // only its figures are lost; the load's own result says what went wrong
        }
        _stop.Dispose();
    }

    private static async Task<ConnectionUse> SampleAsync(NpgsqlDataSource database, CancellationToken stop)
    {
        var (open, active, samples) = (0, 0, 0);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        do
        {
            await using var command = new NpgsqlCommand(Count, connection);
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            await reader.ReadAsync(CancellationToken.None);
            (open, active, samples) = (Math.Max(open, reader.GetInt32(0)), Math.Max(active, reader.GetInt32(1)), samples + 1);
        }
        while (await Next(tick, stop));
        return new ConnectionUse(open, active, samples);
    }

    private static async Task<bool> Next(PeriodicTimer tick, CancellationToken stop)
    {
        try
        {
            return await tick.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
