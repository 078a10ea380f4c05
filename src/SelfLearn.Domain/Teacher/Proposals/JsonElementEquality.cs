using System.Text.Json;

namespace SelfLearn.Domain.Teacher.Proposals;

/// <summary>JSON values compared as values (<c>3</c> equals <c>3.0</c>), for de-duplicating proposed values.</summary>
public sealed class JsonElementEquality : IEqualityComparer<JsonElement>
{
    public static JsonElementEquality Instance { get; } = new();

    public bool Equals(JsonElement x, JsonElement y) => JsonElement.DeepEquals(x, y);

    public int GetHashCode(JsonElement obj) => obj.ValueKind switch
    {
        JsonValueKind.Number when obj.TryGetDecimal(out var d) => d.GetHashCode(),
        JsonValueKind.String => StringComparer.Ordinal.GetHashCode(obj.GetString()!),
        _ => obj.ValueKind.GetHashCode(),
    };
}
