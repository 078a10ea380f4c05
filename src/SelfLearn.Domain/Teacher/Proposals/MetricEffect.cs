using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Teacher.Proposals;

/// <summary>Which way a proposal expects a metric to move: the metric's value, not whether that is good.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricEffect>))]
public enum MetricEffect
{
    [JsonStringEnumMemberName("up")] Up,
    [JsonStringEnumMemberName("down")] Down,
    [JsonStringEnumMemberName("same")] Same,
}
