using JasperFx;
using SelfLearn.Agents.Seeding;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Deployments;
using SelfLearn.Api.Edge;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Hosting.Cluster;
using SelfLearn.Api.Manager.Cycles;
using SelfLearn.Api.Manager.Goals;
using SelfLearn.Api.Security;
using SelfLearn.Api.Teacher;
using SelfLearn.Web;
using Wolverine.Http;

var verbose = ConsoleVerbosity.Take(ref args);
var builder = WebApplication.CreateBuilder(args);
builder.UseConsoleVerbosity(verbose);

builder.AddApiKeySecurity(); // first: bad keys stop the app before a database server is started
builder.AddSelfLearnObservability();
var connectionString = builder.AddSelfLearnDatabase();
if (args is [ClusterCommand.Name, .. var clusterArgs])
    return await ClusterCommand.RunAsync(connectionString, clusterArgs, verbose);

builder.AddNodeIdentity();
builder.AddSelfLearnCritterStack(connectionString);
builder.Services.AddDatabaseKeyRing();
builder.AddStudent();
builder.AddUserEmulator();
builder.AddTeacher();
builder.AddManagerGoals();
builder.AddCycleScreening();
builder.Services.AddWolverineHttp();
builder.AddRateLimits(args);
builder.Services.AddSelfLearnApiDocs();
builder.Services.AddProblemDetails();
builder.Services.AddRequestEdge();
builder.Services.AddExceptionHandler<ConflictExceptionHandler>();
builder.AddSelfLearnHealth();
builder.AddSelfLearnWeb();
builder.Services.AddHostedService<SeedDefaultsOnStart>();

var app = builder.Build();

app.UseNodeHeader();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestEdge();
app.MapSelfLearnWeb();
app.MapSelfLearnHealth();
app.MapSelfLearnApiDocs();
app.MapWolverineEndpoints(opts => opts.RejectUnparseableQueryValues = true);

if (StudentCommands.Handles(args))
{
    StudentCommands.UseFreePort(app);
    return await StudentCommands.RunAsync(app, args);
}

if (args is [VerifyCommand.Name, ..])
{
    return await VerifyCommand.RunAsync(app.Services, CancellationToken.None);
}

if (args is [WhyCommand.Name, .. var whyArgs])
{
    return await WhyCommand.RunAsync(app.Services, whyArgs, CancellationToken.None);
}

if (args is [JudgeCalibrateCommand.Name, .. var calibrateArgs])
{
    return await JudgeCalibrateCommand.RunAsync(app.Services, calibrateArgs, CancellationToken.None);
}

if (args is [ReportCommand.Name, .. var reportArgs])
{
    return await ReportCommand.RunAsync(app.Services, reportArgs, CancellationToken.None);
}

if (args is [AsOfCommand.Name, .. var asOfArgs])
{
    return await AsOfCommand.RunAsync(app.Services, asOfArgs, CancellationToken.None);
}

if (args is [EvaluateCommand.Name or RecomputeCommand.Name or SearchCommand.Name or CycleCommand.Name, .. var teacherArgs])
{
    // The Teacher's and the Manager's commands need the running app (telemetry writer, Wolverine for the hypothesis rules and the cycle's steps), on a free port.
    StudentCommands.UseFreePort(app);
    await app.StartAsync();
    try
    {
        return args[0] switch
        {
            EvaluateCommand.Name => await EvaluateCommand.RunAsync(app.Services, teacherArgs, CancellationToken.None),
            SearchCommand.Name => await SearchCommand.RunAsync(app.Services, teacherArgs, CancellationToken.None),
            CycleCommand.Name => await CycleCommand.RunAsync(app.Services, teacherArgs, CancellationToken.None),
            _ => await RecomputeCommand.RunAsync(app.Services, teacherArgs, CancellationToken.None),
        };
    }
    finally
    {
        await app.StopAsync();
    }
}

if (CommandLineHelp.Handles(args))
{
    CommandLineHelp.Print();
    return await app.RunJasperFxCommands(["help"]);
}

app.PrintDevelopmentKeys();
if (args is [var verb, ..] && !verb.StartsWith('-'))
    return await app.RunJasperFxCommands(args); // projections, db-apply, describe, …: JasperFx's own command line

app.PrintAddressesOnStart();
await app.RunAsync();
return 0;
