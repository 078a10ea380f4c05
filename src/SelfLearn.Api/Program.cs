using JasperFx;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SelfLearn.Agents.Seeding;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Edge;
using SelfLearn.Api.Errors;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Security;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.AddSelfLearnDatabase();
builder.AddSelfLearnCritterStack(connectionString);
builder.AddStudent();
builder.AddUserEmulator();
builder.Services.AddWolverineHttp();
builder.Services.AddApiKeySecurity();
builder.Services.AddSelfLearnApiDocs();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ConflictExceptionHandler>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddHostedService<SeedDefaultsOnStart>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestEdge();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapSelfLearnApiDocs();
app.MapWolverineEndpoints(opts => opts.RejectUnparseableQueryValues = true);

if (StudentCommands.Handles(args))
{
    StudentCommands.UseFreePort(app);
    return await StudentCommands.RunAsync(app, args);
}

app.PrintDevelopmentKeys();
return await app.RunJasperFxCommands(args);
