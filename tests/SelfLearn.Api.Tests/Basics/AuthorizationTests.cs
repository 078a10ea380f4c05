using System.Security.Cryptography;
using System.Text;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Basics;

public sealed class AuthorizationTests(AppFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string, string> WriteRoutes => new()
    {
        { "/api/impact-factors", """{"key":"a.b","type":"int","min":1,"max":3,"step":1,"default":2,"description":"x","zone":"auto"}""" },
        { "/api/impact-factors/retrieval.top_k/bounds", """{"min":1,"max":9,"step":1,"reason":"r"}""" },
        { "/api/impact-factors/retrieval.top_k/zone", """{"zone":"manual","reason":"r"}""" },
        { "/api/deployments", """{"id":"other"}""" },
        { "/api/deployments/default/versions", """{"parameters":{"retrieval.top_k":8},"reason":"r"}""" },
        { "/api/deployments/default/versions/1/activate", """{"reason":"r"}""" },
        { "/api/deployments/default/rollback", """{"reason":"r"}""" },
    };

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Writes_without_a_key_get_401_and_append_nothing(string url, string body)
    {
        var before = await Host.EventCount();
        var problem = await Host.PostRaw(url, body, 401, key: null);
        Assert.Equal(401, problem!["status"]!.GetValue<int>());
        Assert.Equal(before, await Host.EventCount());
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Writes_with_an_unknown_key_get_401(string url, string body) =>
        await Host.PostRaw(url, body, 401, key: "not-a-key");

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Writes_by_an_auditor_or_a_service_get_403_and_append_nothing(string url, string body)
    {
        var before = await Host.EventCount();
        var problem = await Host.PostRaw(url, body, 403, key: Keys.Auditor);
        Assert.Contains("auditor", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await Host.PostRaw(url, body, 403, key: Keys.Service);
        Assert.Equal(before, await Host.EventCount());
    }

    [Theory]
    [InlineData("/api/deployments/default/change-log")]
    [InlineData("/api/deployments/default/events")]
    [InlineData("/api/deployments/default/why/retrieval.top_k")]
    public async Task Audit_reads_are_for_auditors_not_for_the_service(string url)
    {
        await Host.Get(url, 200, Keys.Auditor);
        await Host.Get(url, 200, Keys.MetaUser);
        await Host.Get(url, 403, Keys.Service);
        await Host.Get(url, 401, key: null);
    }

    [Fact]
    public async Task A_key_in_another_case_is_unknown_and_appends_nothing()
    {
        var before = await Host.EventCount();

        await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 8 }, reason = "r" }, 401, Keys.MetaUser.ToUpperInvariant());
        await Host.Get("/api/deployments/default/change-log", 401, Keys.Auditor.ToUpperInvariant());

        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Every_change_made_with_the_exact_key_records_the_same_caller()
    {
        await Host.CreateAndActivate("retrieval.top_k", 8);
        await Host.CreateAndActivate("retrieval.min_score", 0.1);

        var rows = (await Host.Get("/api/deployments/default/change-log"))!.AsArray()
            .Where(row => row!["reason"]!.GetValue<string>() is "try retrieval.top_k" or "try retrieval.min_score").ToList();
        Assert.Equal(2, rows.Count);
        var callers = rows.Select(row => row!["by"]!.GetValue<string>()).Distinct().ToList();
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Keys.MetaUser)))[..8];
        Assert.Equal(["meta-user#" + fingerprint], callers);
    }
}
