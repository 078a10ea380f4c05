namespace SelfLearn.Api.Tests.Hosting;

/// <summary>Bad API keys stop the app before anything starts, with one message naming roles, never keys (issue 8, item 2).</summary>
public sealed class ApiKeyStartupTests
{
    private const string Advice = " Every key needs a role, and outside Development at least 24 characters (e.g. `openssl rand -hex 32`).";

    public static TheoryData<string, string, string, string> BadKeys => new()
    {
        { "Production", "short-auditor-key", "auditor",
            "The ApiKeys configuration is not valid: the key for role 'auditor' is shorter than 24 characters." + Advice },
        { "Testing", "a-long-enough-key-for-an-admin-0123", "admin",
            "The ApiKeys configuration is not valid: 'admin' is not a role (roles: auditor, meta-user, service)." + Advice },
        { "Development", "a-long-enough-key-for-a-meta-user-0123", "Meta-User",
            "The ApiKeys configuration is not valid: 'Meta-User' is not a role (roles: auditor, meta-user, service)." + Advice },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task The_app_exits_with_code_2_and_one_message_before_starting_a_database(string environment, string key, string role, string message)
    {
        var data = Path.Combine(Path.GetTempPath(), "selflearn-keys-" + Guid.NewGuid().ToString("N")[..12]);
        var (exitCode, app) = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            [$"ApiKeys__{key}"] = role,
            ["Postgres__DataDirectory"] = data,
        });
        using (app)
        {
            Assert.Equal(2, exitCode);
            Assert.Equal(message, app.Errors.Trim());
            Assert.DoesNotContain(key, app.Errors + app.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(data)); // no database server was started
        }
    }
}
