namespace SelfLearn.Domain.Datasets;

/// <summary>A new version of a golden dataset: its content hash and what it holds. The content itself is stored beside it.</summary>
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

/// <summary>One version as registered (the event) and when.</summary>
public sealed record DatasetVersion(DatasetVersionRegistered Registered, DateTimeOffset RegisteredAt);

/// <summary>A named, versioned scenario set; versions only grow, and a version's content never changes.</summary>
public sealed record GoldenDataset(string Id, string Name, IReadOnlyList<DatasetVersion> Versions, long Version)
{
    public static string StreamKey(string name) => $"dataset:{name}";

    public DatasetVersion Latest => Versions[^1];

    public static GoldenDataset Create(DatasetVersionRegistered e, DateTimeOffset at) => new(StreamKey(e.Name), e.Name, [Entry(e, at)], 1);

    public GoldenDataset Apply(DatasetVersionRegistered e, DateTimeOffset at) =>
        this with { Versions = [.. Versions, Entry(e, at)], Version = Version + 1 };

    private static DatasetVersion Entry(DatasetVersionRegistered e, DateTimeOffset at) => new(e, at);
}

/// <summary>The exact bytes of a dataset version, so an old run can be repeated on exactly what it used.</summary>
public sealed record DatasetContent(string Id, string Name, int Version, string Sha256, string Json)
{
    public static string IdFor(string name, int version) => $"{name}@{version}";
}
