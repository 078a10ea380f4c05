using Npgsql;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Teacher.Calibration;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Caching;

namespace SelfLearn.Api.Hosting;

/// <summary>The Teacher's judges (docs/JUDGE.md): the configured one as <see cref="IAnswerJudge"/>, always behind the PostgreSQL score cache.</summary>
public static class JudgeSetup
{
    public static void AddJudges(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new PostgresJudgeCache(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IJudgeCache>(sp => sp.GetRequiredService<PostgresJudgeCache>());
        services.AddHostedService<JudgeCacheOnStart>();
        // Built on first use, so a bad Teacher:* setting fails what needs a judge, not the app.
        services.AddSingleton(sp => new Judges(builder.Configuration, sp.GetRequiredService<ITextEmbedder>,
            section => ChatClientSetup.Create(builder.Configuration, section), sp.GetRequiredService<IJudgeCache>()));
        services.AddSingleton(sp => sp.GetRequiredService<Judges>().Create());
        services.AddSingleton<CalibrateJudge>();
    }
}
