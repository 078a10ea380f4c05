using System.Globalization;

namespace SelfLearn.Web.Catalog;

/// <summary>
/// The policy form: one row per auto-zone factor (only those may be autonomous), the always-approve keys as one
/// comma-separated text, the two period limits and a reason. A bound left blank is the catalog's.
/// </summary>
public sealed class PolicyDraft
{
    public List<AutonomousRow> Rows { get; init; } = [];
    public string AlwaysApprove { get; set; } = "";
    public int ActivationsMax { get; set; }
    public int ActivationsPeriodHours { get; set; }
    public int RollbacksMax { get; set; }
    public int RollbacksPeriodHours { get; set; }
    public string Reason { get; set; } = "";

    public static PolicyDraft Of(AutonomyPolicyView current, IEnumerable<CatalogFactor> catalog)
    {
        var autonomous = current.Policy.Autonomous.ToDictionary(f => f.Key, StringComparer.Ordinal);
        return new PolicyDraft
        {
            Rows = [.. catalog.Where(f => f.Zone == "auto").Select(f => AutonomousRow.Of(f, autonomous.GetValueOrDefault(f.Key)))],
            AlwaysApprove = string.Join(", ", current.Policy.AlwaysApprove),
            ActivationsMax = current.Policy.Activations.Max,
            ActivationsPeriodHours = current.Policy.Activations.PeriodHours,
            RollbacksMax = current.Policy.Rollbacks.Max,
            RollbacksPeriodHours = current.Policy.Rollbacks.PeriodHours,
        };
    }

    public static List<string> Keys(string text) =>
        [.. text.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static List<string> Values(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>
    /// The request to send, or the problems that keep it from being sent. A factor to always approve leaves the
    /// autonomous list: the API refuses a factor in both.
    /// </summary>
    public (SetAutonomyPolicyRequest? Request, IReadOnlyList<string> Problems) ToRequest(long expectedVersion)
    {
        var alwaysApprove = Keys(AlwaysApprove);
        var problems = new List<string>();
        var autonomous = new List<AutonomousFactor>();
        foreach (var row in Rows.Where(r => r.Autonomous && !alwaysApprove.Contains(r.Key, StringComparer.Ordinal)))
        {
            var min = Number(row.Min, $"{row.Key} min", problems);
            var max = Number(row.Max, $"{row.Key} max", problems);
            var values = row.IsNumber || string.IsNullOrWhiteSpace(row.AllowedValues) ? null : Values(row.AllowedValues);
            autonomous.Add(new AutonomousFactor(row.Key, min, max, values));
        }
        return problems.Count > 0
            ? (null, problems)
            : (new SetAutonomyPolicyRequest(autonomous, alwaysApprove, new PeriodLimit(ActivationsMax, ActivationsPeriodHours),
                new PeriodLimit(RollbacksMax, RollbacksPeriodHours), Reason.Trim(), expectedVersion), []);
    }

    private static decimal? Number(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add($"{name} must be a number such as 3 or 0.25, or blank for the catalog's bound.");
        return null;
    }
}

public sealed class AutonomousRow
{
    public required string Key { get; init; }
    public required string Type { get; init; }
    public bool IsNumber => Type is "int" or "float";
    public bool HasValues => Type is "enum" or "text";
    public bool Autonomous { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? AllowedValues { get; set; }

    public static AutonomousRow Of(CatalogFactor factor, AutonomousFactor? policy) => new()
    {
        Key = factor.Key,
        Type = factor.Type,
        Autonomous = policy is not null,
        Min = policy?.Min?.ToString(CultureInfo.InvariantCulture),
        Max = policy?.Max?.ToString(CultureInfo.InvariantCulture),
        AllowedValues = policy?.AllowedValues is { } values ? string.Join(", ", values) : null,
    };
}
