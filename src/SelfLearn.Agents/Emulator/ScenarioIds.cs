using System.Text;

namespace SelfLearn.Agents.Emulator;

/// <summary>Turns outside names (a LoCoMo sample id, a file name) into set and scenario ids the validator accepts.</summary>
public static class ScenarioIds
{
    public const int MaxLength = 63;

    /// <summary>Lower-case; every run of other characters becomes one '-'; starts with a letter or digit; null when nothing is left.</summary>
    public static string? Sanitize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var id = new StringBuilder(raw.Length);
        foreach (var c in raw.ToLowerInvariant())
        {
            var kept = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' ? c : '-';
            if (kept != '-' || id.Length == 0 || id[^1] != '-')
                id.Append(kept);
        }
        var text = id.ToString().TrimStart('-', '_');
        text = text.Length > MaxLength ? text[..MaxLength] : text;
        return text.Length == 0 ? null : text;
    }
}
