using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfLearn.Domain.Teacher.Verdicts;

/// <summary>
/// Where two verdict results differ, as JSON paths with both values: empty when recompute reproduced the stored verdict
/// exactly. Numbers compare as doubles (a stored −0 reads back as 0); everything else by its JSON text.
/// </summary>
public static class VerdictDifferences
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Between(VerdictResult stored, VerdictResult recomputed)
    {
        var differences = new List<string>();
        Walk("$", JsonSerializer.SerializeToNode(stored, Json), JsonSerializer.SerializeToNode(recomputed, Json), differences);
        return differences;
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<string> differences)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                    Walk($"{path}.{key}", x[key], y[key], differences);
                break;
            case (JsonArray x, JsonArray y) when x.Count == y.Count:
                for (var i = 0; i < x.Count; i++)
                    Walk($"{path}[{i}]", x[i], y[i], differences);
                break;
            case (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var dx) && y.TryGetValue<double>(out var dy):
                if (dx != dy)
                    differences.Add($"{path}: stored {x.ToJsonString()}, recomputed {y.ToJsonString()}");
                break;
            default:
                if (a?.ToJsonString() != b?.ToJsonString())
                    differences.Add($"{path}: stored {a?.ToJsonString() ?? "null"}, recomputed {b?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
