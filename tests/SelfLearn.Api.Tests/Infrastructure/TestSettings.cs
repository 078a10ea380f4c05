using Microsoft.AspNetCore.Hosting;

namespace SelfLearn.Api.Tests.Infrastructure;

/// <summary>What every test host runs with: the Testing environment, its own database and the test keys.</summary>
public static class TestSettings
{
    public static void Apply(IWebHostBuilder builder, string connectionString)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Marten", connectionString);
        builder.UseSetting($"ApiKeys:{Keys.MetaUser}", "meta-user");
        builder.UseSetting($"ApiKeys:{Keys.Auditor}", "auditor");
        builder.UseSetting($"ApiKeys:{Keys.Service}", "service");
        // One conversation keeps the cycles' offline screen (indexed once per host) quick; the app screens on the whole file.
        builder.UseSetting("Manager:Screening:Conversations:0", "conv-30");
        // A scheduled evaluation may append (armed rules, rollbacks) in the middle of another test; tests evaluate through the route.
        builder.UseSetting("Online:EvaluateSeconds", "0");
        // No background judging of live runs: a pass in flight across a test's reset would write scores into the next test; tests judge by calling it.
        builder.UseSetting("Online:JudgeIntervalSeconds", "0");
        // The in-memory test server has no request-size feature; routing warns about it on every limited route and buries real failures in the log.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
    }
}
