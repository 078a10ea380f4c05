using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using SelfLearn.Domain.Json;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>
/// A model's formal goal checked against its schema before anything else sees it: one JSON object (a ```json fence is
/// tolerated), only the members of the formal goal, enums by name, a primary list present. Anything else refuses the
/// goal with the JSON path that is wrong. A reply that passes still has to pass <see cref="GoalRules"/>, like the parser's.
/// </summary>
public static partial class GoalReply
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    public static Formalised Read(string? reply, GoalLanguage language)
    {
        if (JsonObjectIn(reply ?? "") is not { } json)
            return Refused("$: the reply holds no JSON object.");
        FormalGoalInput? input;
        try
        {
            using var document = JsonDocument.Parse(json);
            try
            {
                input = document.Deserialize<FormalGoalInput>(Options);
            }
            catch (JsonException e)
            {
                return Refused($"{e.Path ?? "$"}: {JsonReadErrors.Describe(e, typeof(FormalGoalInput), Options, document.RootElement)}");
            }
        }
        catch (JsonException e)
        {
            return Refused($"$: the reply is not valid JSON ({JsonReadErrors.Describe(e, typeof(FormalGoalInput), Options, default)})");
        }
        if (input?.Primary is null)
            return Refused("$.primary: is required.");
        if (input.Primary.Any(p => p?.Metric is null))
            return Refused("$.primary: every objective names a metric.");
        if (input.Guards?.Any(g => g?.Metric is null) == true)
            return Refused("$.guards: every guard names a metric.");
        return new Formalised(input.ToFormal(language) with { Language = language }, GoalSource.Llm, []);
    }

    private static Formalised Refused(string message) =>
        Formalised.Refused(GoalSource.Llm, new Violation("text", ViolationRule.InvalidDefinition, $"the language model's formal goal was refused: {message}"));

    private static string? JsonObjectIn(string reply)
    {
        var fenced = Fence().Match(reply);
        var text = fenced.Success ? fenced.Groups[1].Value : reply;
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    [GeneratedRegex(@"```(?:json)?\s*(.*?)```", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Fence();
}
