namespace SelfLearn.Web.Online;

public sealed record MixWindow(DateTimeOffset WindowStart, long Questions, Dictionary<string, long> Live, double Divergence);

/// <summary>GET /api/deployments/{id}/online/question-mix.</summary>
public sealed record QuestionMixAnswer(string Dataset, int Version, long GoldenQuestions, Dictionary<string, double> Golden, List<MixWindow> Windows, MixWindow? Overall);

/// <summary>One row of GET /api/datasets: what the mix can be compared with.</summary>
public sealed record DatasetRow(string Name, int LatestVersion);
