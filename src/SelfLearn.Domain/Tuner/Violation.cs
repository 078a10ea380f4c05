using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Tuner;

[JsonConverter(typeof(JsonStringEnumConverter<ViolationRule>))]
public enum ViolationRule
{
    [JsonStringEnumMemberName("unknown-factor")] UnknownFactor,
    [JsonStringEnumMemberName("wrong-type")] WrongType,
    [JsonStringEnumMemberName("out-of-range")] OutOfRange,
    [JsonStringEnumMemberName("off-step")] OffStep,
    [JsonStringEnumMemberName("not-allowed-value")] NotAllowedValue,
    [JsonStringEnumMemberName("frozen-factor")] FrozenFactor,
    [JsonStringEnumMemberName("approval-required")] ApprovalRequired,
    [JsonStringEnumMemberName("invalid-definition")] InvalidDefinition,
    [JsonStringEnumMemberName("no-change")] NoChange,
    [JsonStringEnumMemberName("unknown-version")] UnknownVersion,
    [JsonStringEnumMemberName("not-runnable")] NotRunnable,
    [JsonStringEnumMemberName("unknown-approval")] UnknownApproval,
    [JsonStringEnumMemberName("approval-not-granted")] ApprovalNotGranted,
    [JsonStringEnumMemberName("approval-mismatch")] ApprovalMismatch,
    [JsonStringEnumMemberName("approval-used")] ApprovalUsed,
    [JsonStringEnumMemberName("unknown-recommendation")] UnknownRecommendation,
    [JsonStringEnumMemberName("wider-than-catalog")] WiderThanCatalog,
    [JsonStringEnumMemberName("outside-autonomy")] OutsideAutonomy,
}

/// <summary>One reason the Tuner refuses a change; a refused change appends nothing.</summary>
public sealed record Violation(string Key, ViolationRule Rule, string Message);
