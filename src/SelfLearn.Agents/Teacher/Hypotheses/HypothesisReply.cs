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
    };

    public static ProposerReply Read(string? reply, ProposerBrief brief, string model)
    {
        if (JsonObjectIn(reply ?? "") is not { } json)
            return ProposerReply.Rejected("$: the reply holds no JSON object.");
        ReplyBody? body;
        try
        {
            body = JsonSerializer.Deserialize<ReplyBody>(json, Options);
        }
        catch (JsonException e)
        {
            return ProposerReply.Rejected($"{e.Path ?? "$"}: {Explain(e, json)}");
        }
        if (body?.Hypotheses is null)
            return ProposerReply.Rejected("$.hypotheses: is required.");
        if (body.Hypotheses.Count > MaxHypotheses)
            return ProposerReply.Rejected($"$.hypotheses: at most {MaxHypotheses} hypotheses, got {body.Hypotheses.Count}.");
        if (body.Hypotheses.Select((h, i) => (h, i)).FirstOrDefault(x => !Enum.IsDefined(x.h.Direction) || x.h.ExpectedEffect.Values.Any(e => !Enum.IsDefined(e)))
            is ({ } _, var bad))
            return ProposerReply.Rejected($"$.hypotheses[{bad}]: direction is \"up\", \"down\" or \"set\" and each expected effect \"up\", \"down\" or \"same\", by name.");

        var findings = brief.Findings;
        var defaultEvidence = new[] { findings.ExperimentId, findings.VerdictId }.OfType<string>().ToList();
        return new ProposerReply([.. body.Hypotheses.Select(h => new HypothesisDraft(
            brief.Base.DeploymentId, brief.Base.Version, h.Factor, h.Direction, h.Values, h.ExpectedEffect, h.Rationale,
            h.Evidence is { Count: > 0 } evidence ? evidence : defaultEvidence, [], ProposalSource.FromModel(model), findings.ExperimentId))], null);
    }

    private static string Explain(JsonException error, string json)
    {
        if (JsonReadErrors.IsSyntax(error))
            return JsonReadErrors.Describe(error, typeof(ReplyBody), Options, default);
        using var document = JsonDocument.Parse(json);
        return JsonReadErrors.Describe(error, typeof(ReplyBody), Options, document.RootElement);
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
