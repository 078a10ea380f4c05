using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Security;

/// <summary>GET /api/me: who a key is; an unknown key or U+0000 in the address is refused, and nothing is written either way.</summary>
public sealed class WhoAmITests(AppFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData(Keys.MetaUser, "meta-user")]
    [InlineData(Keys.Auditor, "auditor")]
    [InlineData(Keys.Service, "service")]
    public async Task Each_key_is_told_its_role_and_the_name_events_record_for_it(string key, string role)
    {
        var me = (await Host.Get("/api/me", key: key))!;

        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..8];
        Assert.Equal((role, $"{role}#{fingerprint}"), (me["role"]!.GetValue<string>(), me["caller"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_key_no_key_or_a_nul_in_the_query_is_refused_and_nothing_is_written()
    {
        var events = await Host.EventCount();

        await Host.Get("/api/me", 401, key: "not-a-key-of-this-app-0000000");
        await Host.Get("/api/me", 401, key: null);
        var problem = (await Host.Get("/api/me?note=%00", 400, key: Keys.Auditor))!;

        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal(events, await Host.EventCount());
    }
}
