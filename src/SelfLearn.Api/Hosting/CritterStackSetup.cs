using JasperFx;
using JasperFx.Resources;
using Marten;
using Npgsql;
using SelfLearn.Agents.Audit;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Agents.Student;
using SelfLearn.Agents.Student.Telemetry.Partitions;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Hosting.Cluster;
using SelfLearn.Projections;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace SelfLearn.Api.Hosting;

public static class CritterStackSetup
{
    public static void AddSelfLearnCritterStack(this WebApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddSingleton(NpgsqlDataSource.Create(PooledConnections.WithDefaults(connectionString)));
        var catalog = new CatalogCache();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddMarten(opts =>
            {
                opts.Listeners.Add(catalog);
                opts.AddCatalogVersion();
                opts.DatabaseSchemaName = "selflearn";
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.AddSelfLearnProjections();
                opts.AddStudentStorage();
                opts.AddEventChain();
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();
        builder.Services.AddEventChainInstaller();

        builder.Host.UseWolverine(opts =>
        {
            // Explicit, because under a test host the entry assembly is the test runner's.
            opts.ApplicationAssembly = typeof(CritterStackSetup).Assembly;
            opts.Discovery.IncludeAssembly(typeof(TunerOutcome).Assembly);
            opts.Services.AddResourceSetupOnStartup();
            opts.AddManagerCycles();
            opts.AddDegradationSchedule(builder.Configuration);
            opts.AddOnlineJudgingSchedule(builder.Configuration);
            opts.AddTelemetryPartitionSchedule(builder.Configuration);
            opts.UseClusterTimings(builder.Configuration);
        });
    }
}
