using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SelfLearn.Agents.Teacher.Judging.Caching;

/// <summary>
/// Creates the score cache's table when the app starts, without holding the start up or taking the app down: if
/// PostgreSQL does not answer yet, the cache creates the table on first use instead.
/// </summary>
public sealed partial class JudgeCacheOnStart(PostgresJudgeCache cache, ILogger<JudgeCacheOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cache.EnsureAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // a missing table is retried on first use; the start must not fail for it.
        catch (Exception e)
        {
            NotReady(logger, e);
        }
#pragma warning restore CA1031
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The judge cache table could not be created at start; it is retried on first use")]
    private static partial void NotReady(ILogger logger, Exception error);
}
