using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using SelfLearn.Api.Security;

namespace SelfLearn.Api.Tests.Basics;

public sealed class ApiKeyTableTests
{
    private const string LongKey = "a-key-of-thirty-two-characters!!";

    [Fact]
    public void A_key_matches_exactly_and_names_its_caller_by_role_and_fingerprint()
    {
        var table = Load(isDevelopment: false, (LongKey, "auditor"), ("another-key-of-enough-length", "service"));

        Assert.True(table.TryMatch(LongKey, out var role, out var caller));
        Assert.Equal("auditor", role);
        Assert.Equal("auditor#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LongKey)))[..8], caller);
        Assert.False(table.TryMatch(LongKey.ToUpperInvariant(), out _, out _));
        Assert.False(table.TryMatch(LongKey[..^1], out _, out _));
        Assert.False(table.TryMatch(LongKey + " ", out _, out _));
    }

    [Fact]
    public void Development_keeps_its_short_keys()
    {
        var table = Load(isDevelopment: true, ("dev-meta-user-key", "meta-user"));

        Assert.True(table.TryMatch("dev-meta-user-key", out var role, out _));
        Assert.Equal("meta-user", role);
        Assert.Throws<InvalidApiKeysException>(() => Load(isDevelopment: false, ("dev-meta-user-key", "meta-user")));
    }

    [Fact]
    public void A_key_of_exactly_the_minimum_length_is_accepted_one_shorter_is_not()
    {
        var minimum = new string('k', 24);
        Assert.Equal(1, Load(isDevelopment: false, (minimum, "service")).Count);
        Assert.Throws<InvalidApiKeysException>(() => Load(isDevelopment: false, (minimum[..23], "service")));
    }

    [Fact]
    public void A_value_that_looks_like_a_key_is_not_echoed_and_every_problem_is_named()
    {
        var refused = Assert.Throws<InvalidApiKeysException>(() =>
            Load(isDevelopment: false, ("auditor", LongKey), ("tiny-svc", "service")));

        Assert.DoesNotContain(LongKey, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-svc", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("The ApiKeys configuration is not valid: an entry's value is as long as a key, not a role (key and role swapped?) "
            + "(roles: auditor, meta-user, service); the key for role 'service' is shorter than 24 characters.", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/API.md")]
    [InlineData("docs/ARCHITECTURE.md")]
    public void The_documented_minimum_is_the_enforced_one(string document)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SelfLearn.sln")))
            root = root.Parent!;
        Assert.Contains($"at least {ApiKeyTable.MinimumLength} characters", File.ReadAllText(Path.Combine(root.FullName, document)), StringComparison.Ordinal);
    }

    private static ApiKeyTable Load(bool isDevelopment, params (string Key, string Role)[] keys) =>
        ApiKeyTable.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select(k => KeyValuePair.Create<string, string?>($"ApiKeys:{k.Key}", k.Role)))
            .Build(), isDevelopment);
}
