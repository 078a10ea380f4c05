using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using SelfLearn.Domain.Json;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>One hypothesis as a model writes it; the proposer adds the deployment, base version and source.</summary>
public sealed record ReplyHypothesis(
    string Factor,
    ChangeDirection Direction,
    IReadOnlyList<JsonElement> Values,
    Dictionary<string, MetricEffect> ExpectedEffect,
    string Rationale,
    IReadOnlyList<string>? Evidence);

public sealed record ReplyBody(IReadOnlyList<ReplyHypothesis> Hypotheses);

/// <summary>
/// A model's reply checked against its schema before anything else sees it: one JSON object (a ```json fence is
/// tolerated), exactly the members of <see cref="ReplyBody"/>, enums by name. Anything else rejects the whole reply,
/// with the JSON path and what belongs there. A reply that passes is only a list of drafts: the Tuner's rules come next.
/// </summary>
public static partial class HypothesisReply
{
    public const int MaxHypotheses = 5;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    public static ProposerReply Read(string? reply, ProposerBrief brief, string model)
    {
        if (JsonObjectIn(reply ?? "") is not { } json)
            return ProposerReply.Rejected("$: the reply holds no JSON object.");
        ReplyBody? body;
        try
        {
            using var document = JsonDocument.Parse(json);
            try
            {
                body = document.Deserialize<ReplyBody>(Options);
            }
            catch (JsonException e)
            {
                return ProposerReply.Rejected($"{e.Path ?? "$"}: {JsonReadErrors.Describe(e, typeof(ReplyBody), Options, document.RootElement)}");
            }
        }
        catch (JsonException e)
        {
            return ProposerReply.Rejected($"$: the reply is not valid JSON ({JsonReadErrors.Describe(e, typeof(ReplyBody), Options, default)})");
        }
        if (body?.Hypotheses is null)
            return ProposerReply.Rejected("$.hypotheses: is required.");
        if (body.Hypotheses.Count > MaxHypotheses)
            return ProposerReply.Rejected($"$.hypotheses: at most {MaxHypotheses} hypotheses, got {body.Hypotheses.Count}.");

        var findings = brief.Findings;
        var defaultEvidence = new[] { findings.ExperimentId, findings.VerdictId }.OfType<string>().ToList();
        return new ProposerReply([.. body.Hypotheses.Select(h => new HypothesisDraft(
            brief.Base.DeploymentId, brief.Base.Version, h.Factor, h.Direction, h.Values, h.ExpectedEffect, h.Rationale,
            h.Evidence is { Count: > 0 } evidence ? evidence : defaultEvidence, [], ProposalSource.FromModel(model), findings.ExperimentId))], null);
    }

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
