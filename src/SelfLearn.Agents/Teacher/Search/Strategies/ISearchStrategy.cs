namespace SelfLearn.Agents.Teacher.Search.Strategies;

/// <summary>Proposes the next point of a <see cref="SearchSpace"/> (one coordinate per dimension) not yet tried.</summary>
public interface ISearchStrategy
{
    /// <param name="rankedBestFirst">The points tried so far, best first (see <c>TuneFold</c> for the order).</param>
    /// <param name="seen">The keys (<see cref="SearchPoints.Key"/>) of every point proposed so far.</param>
    /// <returns>A new point, or null when the space holds no untried point this strategy can find.</returns>
    double[]? Propose(IReadOnlyList<double[]> rankedBestFirst, IReadOnlySet<string> seen);
}

public static class SearchStrategies
{
    public const string Grid = "grid";
    public const string Random = "random";
    public const string Model = "model";

    public static IReadOnlyList<string> Names { get; } = [Grid, Random, Model];

    /// <exception cref="SearchRefusedException">An unknown strategy name.</exception>
    public static ISearchStrategy Create(string name, SearchSpace space, Random random) => name switch
    {
        Grid => new GridStrategy(space),
        Random => new RandomStrategy(space, random),
        Model => new TpeStrategy(space, random),
        _ => throw new SearchRefusedException($"unknown strategy '{name}'; known: {string.Join(", ", Names)}."),
    };
}

public static class SearchPoints
{
    /// <summary>A point's identity: its coordinates, round-trip formatted.</summary>
    public static string Key(IReadOnlyList<double> point) =>
        string.Join('|', point.Select(c => c.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
