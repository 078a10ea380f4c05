using System.Text.Json;

namespace SelfLearn.Web.Tuner;

public sealed record DeploymentSummary(string Id, int ActiveVersion, Dictionary<string, JsonElement> ActiveParameters, int? PinnedVersion, long Version);
