using System.Globalization;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Basics;

public sealed class HealthWithoutDatabaseTests
{
    [Fact]
    public async Task Health_says_the_database_does_not_answer_without_naming_host_port_or_exception()
    {
        await using var app = new ThrowAwayApp();
        await app.InitializeAsync();
        app.StopDatabase();

        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBe(503);
        });

        var body = await result.ReadAsTextAsync();
        var health = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal("unhealthy", health["status"]!.GetValue<string>());
        Assert.Equal("unhealthy", health["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("PostgreSQL does not answer.", health["checks"]!["database"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(app.DatabasePort.ToString(CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
    }
}
