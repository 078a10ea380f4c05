using SelfLearn.Api.Teacher;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Student;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>search refuses bad input before embedding anything: one clear message, exit code 2, nothing appended, no file written.</summary>
public sealed class SearchCommandTests(AppFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("name what to optimise: --objective METRIC (e.g. recall@10).")]
    [InlineData("unknown flag --budjet.", "--budjet", "5")]
    [InlineData("--budget takes a whole number, not 'many'.", "--objective", "recall@10", "--budget", "many")]
    [InlineData("the budget is at least 1 evaluation per fold, not 0.", "--objective", "recall@10", "--budget", "0")]
    [InlineData("folds must be between 2 and the number of conversations (5), not 6: each fold holds out at least one conversation.",
        "--objective", "recall@10", "--folds", "6")]
    [InlineData("folds must be between 2 and the number of conversations (1), not 1: each fold holds out at least one conversation.",
        "--objective", "recall@10", "--folds", "1", "--conversations", "conv-26")]
    [InlineData("unknown strategy 'bayes'; known: grid, random, model.", "--objective", "recall@10", "--strategy", "bayes")]
    [InlineData("generation.model is in the frozen zone: a search may only change factors of the auto zone.",
        "--objective", "recall@10", "--space", "generation.model")]
    [InlineData("--space retrieval.top_k=0:80 lies outside the catalog's bounds [1, 50].", "--objective", "recall@10", "--space", "retrieval.top_k=0:80")]
    [InlineData("unknown objective 'recal@10'; close metric names: retrieval.recall@10, retrieval.recall@1, retrieval.recall@20, retrieval.recall@50, retrieval.recall@5 (docs/METRICS.md lists them all).",
        "--objective", "recal@10")]
    public async Task Search_refuses_bad_input_with_one_message_and_exit_code_2_and_appends_nothing(string message, params string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), $"selflearn-{Guid.NewGuid():N}-search.json");
        var before = await Host.EventCount();

        var (code, printed) = await ConsoleCapture.RunAsync(() =>
            SearchCommand.RunAsync(Host.Services, ["--dataset", LocomoEvalTests.DevSplit(), .. args, "--out", output], TestContext.Current.CancellationToken));

        Assert.Equal((SearchCommand.BadInput, message + "\n"), (code, printed));
        Assert.Equal(before, await Host.EventCount());
        Assert.False(File.Exists(output));
    }
}
