using System.Text.Json.Nodes;

namespace SelfLearn.Web.Experiments;

/// <summary>
/// What the design form holds, turned into the body of <c>POST /api/experiments</c> (docs/API.md): members left empty
/// are left out, so the API fills its documented defaults and names whatever is wrong.
/// </summary>
public sealed class ExperimentDraft
{
    public string Id { get; set; } = "";
    public string DeploymentId { get; set; } = "";
    public string? Description { get; set; }
    public string? Hypothesis { get; set; }
    public string Mode { get; set; } = "offline";
    public string AssignmentUnit { get; set; } = "user";
    public double Alpha { get; set; } = 0.05;
    public double Power { get; set; } = 0.8;
    public string? DatasetName { get; set; }
    public int? DatasetVersion { get; set; }
    public string? Segments { get; set; }
    public List<VariantDraft> Variants { get; } = [new() { Name = "control", Role = "baseline" }, new() { Name = "treatment", Role = "treatment" }];
    public List<PrimaryDraft> Primaries { get; } = [];
    public List<GuardDraft> Guards { get; } = [];

    public JsonObject ToRequest()
    {
        var body = new JsonObject
        {
            ["id"] = Id.Trim(),
            ["deploymentId"] = DeploymentId,
            ["variants"] = new JsonArray([.. Variants.Select(v => (JsonNode)Members(("name", v.Name.Trim()), ("configVersion", v.ConfigVersion), ("role", v.Role), ("weight", v.Weight)))]),
            ["assignmentUnit"] = AssignmentUnit,
            ["mode"] = Mode,
            ["alpha"] = Alpha,
            ["power"] = Power,
        };
        if (!string.IsNullOrWhiteSpace(Description))
            body["description"] = Description;
        if (!string.IsNullOrWhiteSpace(Hypothesis))
            body["hypothesis"] = new JsonObject { ["text"] = Hypothesis };
        if (Primaries.Count > 0)
            body["primaryMetrics"] = new JsonArray([.. Primaries.Select(p => (JsonNode)p.ToJson())]);
        if (Guards.Count > 0)
            body["guardMetrics"] = new JsonArray([.. Guards.Select(g => (JsonNode)Members(("metric", g.Metric.Trim()), ("maxRelativeDegradation", g.MaxRelativeDegradation),
                ("maxAbsoluteDegradation", g.MaxAbsoluteDegradation), ("bound", g.Bound)))]);
        if (!string.IsNullOrWhiteSpace(DatasetName))
            body["dataset"] = Members(("name", DatasetName.Trim()), ("version", DatasetVersion));
        var segments = (Segments ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length > 0)
            body["segments"] = new JsonArray([.. segments.Select(s => (JsonNode)JsonValue.Create(s))]);
        return body;
    }

    internal static JsonObject Members(params (string Name, object? Value)[] members)
    {
        var json = new JsonObject();
        foreach (var (name, value) in members)
        {
            if (value is null || value is string { Length: 0 })
                continue;
            json[name] = value switch
            {
                string s => JsonValue.Create(s),
                int i => JsonValue.Create(i),
                double d => JsonValue.Create(d),
                JsonNode node => node,
                _ => JsonValue.Create(value.ToString()),
            };
        }
        return json;
    }
}

public sealed class VariantDraft
{
    public string Name { get; set; } = "";
    public int? ConfigVersion { get; set; } = 1;
    public string Role { get; set; } = "treatment";
    public double? Weight { get; set; }
}

public sealed class PrimaryDraft
{
    public string Metric { get; set; } = "";
    public string Direction { get; set; } = "";
    public double? MinimumEffect { get; set; }
    public string Scale { get; set; } = "absolute";
    public double? PriorStandardDeviation { get; set; }
    public double? PriorMean { get; set; }

    public JsonObject ToJson()
    {
        var json = ExperimentDraft.Members(("metric", Metric.Trim()), ("direction", Direction),
            ("minimumEffect", ExperimentDraft.Members(("value", MinimumEffect), ("scale", Scale))));
        if (PriorStandardDeviation is not null)
            json["prior"] = ExperimentDraft.Members(("standardDeviation", PriorStandardDeviation), ("mean", PriorMean));
        return json;
    }
}

public sealed class GuardDraft
{
    public string Metric { get; set; } = "";
    public double? MaxRelativeDegradation { get; set; }
    public double? MaxAbsoluteDegradation { get; set; }
    public double? Bound { get; set; }
}
