using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Student.Scaling;

/// <summary>Options of the scaling benchmark (<c>scaling</c>); every one has a default.</summary>
internal sealed record ScalingOptions(
    IReadOnlyList<int> Nodes, IReadOnlyList<int> Clients, int Seconds, IReadOnlyList<string> Conversations, string Dataset, string Out)
{
    public const int MaxNodes = 16;

    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student -- scaling";

    public const string Usage = Project + " [--nodes 1,2,3] [--clients 1,4,16] [--seconds 20] [--conversations conv-26,conv-30,conv-41]"
        + " [--dataset data/locomo/locomo-dev.json] [--out docs/benchmarks/cluster-scaling.json]";

    /// <summary>The chosen conversations of the dataset, read when the options are parsed.</summary>
    public IReadOnlyList<LocomoConversation> Chosen { get; private init; } = [];

    /// <summary>The options, with the chosen conversations read from the dataset; an unknown file or id is an <see cref="ArgumentException"/>.</summary>
    public static ScalingOptions Parse(IReadOnlyList<string> args)
    {
        var options = OptionPairs.Parse(args, new ScalingOptions([1, 2, 3], [1, 4, 16], 20, ["conv-26", "conv-30", "conv-41"], "data/locomo/locomo-dev.json",
            "docs/benchmarks/cluster-scaling.json"), Usage, static (options, name, value) => name switch
        {
            "--nodes" => options with { Nodes = Distinct(name, value, MaxNodes) },
            "--clients" => options with { Clients = Distinct(name, value, 1024) },
            "--seconds" => options with { Seconds = Number(name, value, 1, 3600) },
            "--conversations" => options with { Conversations = Names(name, value) },
            "--dataset" => options with { Dataset = value },
            "--out" => options with { Out = value },
            _ => null,
        });
        var dataset = RepositoryPaths.Find(options.Dataset) ?? throw new ArgumentException($"--dataset {options.Dataset} was not found. Usage: {Usage}");
        return options with { Chosen = LocomoIngestion.Select(LocomoDataset.Load(dataset), options.Conversations) };
    }

    public string CommandLine() =>
        $"{Project} --nodes {string.Join(',', Nodes)} --clients {string.Join(',', Clients)} --seconds {Seconds} "
        + $"--conversations {string.Join(',', Conversations)} --dataset {Dataset} --out {Out}";

    private static int[] Distinct(string name, string value, int maximum)
    {
        var numbers = Numbers(name, value, 1, maximum);
        return numbers.Distinct().Count() == numbers.Length
            ? numbers
            : throw new ArgumentException($"{name} names a number twice: '{value}'.");
    }

    private static string[] Names(string name, string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        return names.All(n => n.Length > 0) && names.Distinct(StringComparer.Ordinal).Count() == names.Length
            ? names
            : throw new ArgumentException($"{name} takes distinct conversation ids separated by commas, got '{value}'.");
    }
}
