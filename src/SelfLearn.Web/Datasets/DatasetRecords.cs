namespace SelfLearn.Web.Datasets;

/// <summary>A row of <c>GET /api/datasets</c>: a dataset and its latest version.</summary>
public sealed record DatasetListItem(string Name, int LatestVersion, string LatestSha256, int Scenarios, int Questions, DateTimeOffset UpdatedAt);

/// <summary><c>GET /api/datasets/{name}</c>: every version as registered.</summary>
public sealed record DatasetDetail(string Name, IReadOnlyList<DatasetVersion> Versions);

public sealed record DatasetVersion(DatasetVersionRegistered Registered, DateTimeOffset RegisteredAt);

public sealed record DatasetVersionRegistered(
    string Name,
    int Version,
    string Sha256,
    string Generator,
    int? Seed,
    int Scenarios,
    int Questions,
    IReadOnlyDictionary<string, int> QuestionKinds,
    string Source,
    string By);
