using System.Security.Cryptography;
using System.Text;

namespace SelfLearn.Api.Security;

/// <summary>
/// The API keys of the <c>ApiKeys</c> configuration section (key → role), read once at start-up and kept only as
/// SHA-256 hashes. A presented key matches when its hash equals a stored one, compared in constant time against
/// every entry: configuration lookups ignore case, a secret must not.
/// </summary>
public sealed class ApiKeyTable
{
    public const string Section = "ApiKeys";

    /// <summary>Outside Development every key must be at least this long (e.g. <c>openssl rand -hex 32</c>).</summary>
    public const int MinimumLength = 24;

    private readonly IReadOnlyList<Entry> _entries;

    private ApiKeyTable(IReadOnlyList<Entry> entries) => _entries = entries;

    public int Count => _entries.Count;

    /// <summary>Reads and checks the keys; throws <see cref="InvalidApiKeysException"/> naming every bad entry by its role, never by its key.</summary>
    public static ApiKeyTable Load(IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var entries = new List<Entry>();
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            var role = child.Value;
            if (role is null || !Roles.All.Contains(role))
                problems.Add($"{Describe(role)} (roles: {string.Join(", ", Roles.All.Order(StringComparer.Ordinal))})");
            else if (!isDevelopment && child.Key.Length < MinimumLength)
                problems.Add($"the key for role '{role}' is shorter than {MinimumLength} characters");
            else
                entries.Add(new Entry(SHA256.HashData(Encoding.UTF8.GetBytes(child.Key)), role));
        }

        return problems.Count == 0
            ? new ApiKeyTable(entries)
            : throw new InvalidApiKeysException(
                $"The {Section} configuration is not valid: {string.Join("; ", problems)}. Every key needs a role, "
                + $"and outside Development at least {MinimumLength} characters (e.g. `openssl rand -hex 32`).");
    }

    /// <summary>The caller for an exact key: its role and <c>&lt;role&gt;#&lt;first 8 hex of the key's SHA-256&gt;</c>.</summary>
    public bool TryMatch(string presentedKey, out string role, out string caller)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        Entry? match = null;
        foreach (var entry in _entries)
        {
            // Every entry is compared: how long matching takes says nothing about which key, or whether one, matched.
            if (CryptographicOperations.FixedTimeEquals(entry.Hash, hash))
                match = entry;
        }

        role = match?.Role ?? string.Empty;
        caller = match is null ? string.Empty : $"{match.Role}#{Convert.ToHexStringLower(match.Hash)[..8]}";
        return match is not null;
    }

    /// <summary>A value that is long enough to be a key (key and role swapped?) is not echoed.</summary>
    private static string Describe(string? role) => role switch
    {
        null => "an entry has no role",
        { Length: >= MinimumLength } => "an entry's value is as long as a key, not a role (key and role swapped?)",
        _ => $"'{role}' is not a role",
    };

    private sealed record Entry(byte[] Hash, string Role);
}

public sealed class InvalidApiKeysException : Exception
{
    public InvalidApiKeysException()
    {
    }

    public InvalidApiKeysException(string message)
        : base(message)
    {
    }

    public InvalidApiKeysException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
