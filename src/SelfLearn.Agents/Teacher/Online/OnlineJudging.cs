using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Creates the Teacher's tables when the app starts, so the fold's triggers and the <c>Online</c> settings are in place
/// before live traffic; then, every <c>Online:JudgeIntervalSeconds</c>, grades the sampled live runs not judged yet.
/// Neither holds the start up nor takes the app down: a failure is logged and tried again on the next tick.
/// </summary>
public sealed partial class OnlineJudging(TeacherTables tables, IServiceProvider services, IOptions<OnlineOptions> options, ILogger<OnlineJudging> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.JudgeIntervalSeconds;
        var delay = TimeSpan.FromSeconds(interval > 0 ? interval : 10);
        for (var ready = false; !stoppingToken.IsCancellationRequested; )
        {
            try
            {
                if (!ready)
                {
                    await tables.EnsureAsync(stoppingToken);
                    ready = true;
                    if (interval == 0)
                        return;
                }
                await services.GetRequiredService<JudgeOnlineSample>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the next tick tries again; a background pass must not stop the app.
            catch (Exception e)
            {
                Failed(logger, e);
            }
#pragma warning restore CA1031
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Online windows: creating the tables or judging the sampled live runs failed; trying again")]
    private static partial void Failed(ILogger logger, Exception error);
}
