using System.Globalization;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Benchmarks.Shared;
using static SelfLearn.Benchmarks.Shared.OptionPairs;

namespace SelfLearn.Benchmarks.Student.Embedding;

/// <summary>Options of the cold-embedding benchmark (<c>embed</c>); every one has a default.</summary>
internal sealed record EmbedOptions(string Dataset, int Concurrency, int CeilingTexts, string Out, string Model = EmbedOptions.ArcticXs)
{
    public const string ArcticXs = "arcticxs";
    public const string MiniLm = "minilm";

    private const string Project = "dotnet run -c Release --project benchmarks/SelfLearn.Benchmarks.Student -- embed";

    public const string Usage = Project + " [--dataset data/locomo/locomo-dev.json] [--concurrency 8] [--ceiling-texts 512] [--out docs/benchmarks/embedding.json] [--model arcticxs|minilm]";

    public static EmbedOptions Parse(IReadOnlyList<string> args) =>
        OptionPairs.Parse(args, new EmbedOptions("data/locomo/locomo-dev.json", 8, 512, "docs/benchmarks/embedding.json"), Usage, static (options, name, value) => name switch
        {
            "--dataset" => options with { Dataset = value },
            "--concurrency" => options with { Concurrency = Number(name, value) },
            "--ceiling-texts" => options with { CeilingTexts = Number(name, value) },
            "--out" => options with { Out = value },
            "--model" => options with { Model = value is ArcticXs or MiniLm ? value : throw new ArgumentException($"--model must be {ArcticXs} or {MiniLm}, got '{value}'.") },
            _ => null,
        });

    public string CommandLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Project} --dataset {Dataset} --concurrency {Concurrency} --ceiling-texts {CeilingTexts} --out {Out} --model {Model}");

    /// <summary>The bare model measured: the first embedder, or the second (<c>retrieval.second_embedder</c>).</summary>
    public ITextEmbedder NewModel(int batchSize = 16) =>
        Model == MiniLm ? new MiniLmEmbedder(batchSize) : new ArcticXsEmbedder(batchSize);
}
