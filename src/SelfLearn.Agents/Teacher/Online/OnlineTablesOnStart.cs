using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Creates the Teacher's tables when the app starts, so the fold's triggers and the <c>Online</c> settings are in place
/// before live traffic; tried again every 10 s until it works. Neither holds the start up nor takes the app down. The
/// judging itself runs on the cluster-wide schedule (<see cref="OnlineJudgingSchedule"/>), not on every node.
/// </summary>
public sealed partial class OnlineTablesOnStart(TeacherTables tables, ILogger<OnlineTablesOnStart> logger) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tables.EnsureAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // tried again; a background start must not stop the app.
            catch (Exception e)
            {
                Failed(logger, e);
            }
#pragma warning restore CA1031
            try
            {
                await Task.Delay(Retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Online windows: creating the tables failed; trying again")]
    private static partial void Failed(ILogger logger, Exception error);
}
