using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SelfLearn.Api.Tests.Edge;

public sealed record MalformedBody(string Name, byte[] Body)
{
    public MalformedBody(string name, string json) : this(name, Encoding.UTF8.GetBytes(json))
    {
    }
}

/// <summary>
/// A fixed set of bodies no route may accept: wrong shapes, text PostgreSQL cannot store, overflowing numbers, wrong
/// member types, enums as numbers, and seeded random objects each carrying one such poison somewhere inside.
/// </summary>
public static class MalformedBodies
{
    public const int RandomBodiesPerRoute = 20;

    private static readonly string[] Poisons = ["\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", $"\"{new string('p', 8001)}\""];

    public static IEnumerable<MalformedBody> For(WriteRoute route, Random random) =>
        Shapes().Concat(route.Members.SelectMany(m => PerMember(m.Key, m.Value))).Concat(Seeded(route, random));

    private static IEnumerable<MalformedBody> Shapes()
    {
        yield return new("null", "null");
        yield return new("array", "[]");
        yield return new("string", "\"string\"");
        yield return new("number", "123");
        yield return new("boolean", "true");
        yield return new("empty object", "{}");
        yield return new("unknown member only", """{"unknownMember":1}""");
        yield return new("deeply nested", "{\"a\":" + new string('[', 1000) + new string(']', 1000) + "}");
        yield return new("huge string", $"{{\"x\":\"{new string('h', 2_000_000)}\"}}");
        yield return new("NUL", """{"x":"a\u0000b"}""");
        yield return new("unpaired surrogate", """{"x":"\ud800"}""");
        yield return new("number overflow", """{"x":1e400}""");
        yield return new("truncated", """{"x":""");
        yield return new("trailing data", "{} {}");
        yield return new("not UTF-8", [.. "{\"x\":\""u8, 0xFF, .. "\"}"u8]);
    }

    private static IEnumerable<MalformedBody> PerMember(string name, JsonObject schema)
    {
        yield return new($"{name}: wrong type", $"{{\"{name}\":{WrongTypeFor(schema)}}}");
        yield return new($"{name}: NUL", $"{{\"{name}\":\"a\\u0000b\"}}");
        yield return new($"{name}: overflow", $"{{\"{name}\":1e400}}");
        yield return new($"{name}: decimal overflow", $"{{\"{name}\":79228162514264337593543950336}}");
        yield return new($"{name}: long text", $"{{\"{name}\":\"{new string('t', 8001)}\"}}");
        if (schema["enum"] is not null)
            yield return new($"{name}: enum as number", $"{{\"{name}\":123}}");
    }

    /// <summary>A JSON value of a kind the member's schema does not list.</summary>
    private static string WrongTypeFor(JsonObject schema)
    {
        var kinds = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(),
            JsonValue one => [one.GetValue<string>()],
            _ => schema["enum"] is not null ? ["string"] : [],
        };
        return !kinds.Contains("boolean") ? "true" : !kinds.Contains("array") ? "[1]" : "{\"nested\":1}";
    }

    /// <summary>Objects of the route's members (or made-up ones) holding random values, one of them a poison.</summary>
    private static IEnumerable<MalformedBody> Seeded(WriteRoute route, Random random)
    {
        var names = route.Members.Keys.Append("extra").ToArray();
        for (var i = 0; i < RandomBodiesPerRoute; i++)
        {
            var members = Enumerable.Range(0, random.Next(1, 6)).Select(_ => names[random.Next(names.Length)]).Distinct().ToList();
            var poisoned = random.Next(members.Count);
            var json = new StringBuilder("{");
            for (var m = 0; m < members.Count; m++)
                json.Append(m == 0 ? "" : ",").Append('"').Append(members[m]).Append("\":")
                    .Append(m == poisoned ? Nest(Poisons[random.Next(Poisons.Length)], random) : Value(random, depth: 0));
            yield return new($"seeded #{i}", json.Append('}').ToString());
        }
    }

    private static string Nest(string poison, Random random) => random.Next(3) switch
    {
        0 => poison,
        1 => $"[1,{poison}]",
        _ => $"{{\"inner\":{poison}}}",
    };

    private static string Value(Random random, int depth) => random.Next(depth < 3 ? 8 : 6) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        3 => (random.NextDouble() * 1e6).ToString("R", CultureInfo.InvariantCulture),
        4 => $"\"{new string((char)('a' + random.Next(26)), random.Next(0, 40))}\"",
        5 => "\"2026-11-29T00:00:00Z\"",
        6 => $"[{string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth + 1)))}]",
        _ => $"{{\"k\":{Value(random, depth + 1)}}}",
    };
}
