using SelfLearn.Api.Teacher;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>evaluate and recompute run as commands on bad input: one clear message, exit code 2, nothing appended, no file written.</summary>
public sealed class EvaluateCommandTests(AppFixture fixture) : ApiTest(fixture)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("unknown flag --experimnt; evaluate takes --experiment and --out.", "--experimnt", TeacherExperiments.Empty)]
    [InlineData("name the experiment: evaluate --experiment ID.")]
    [InlineData("no experiment 'exp-nope'.", "--experiment", "exp-nope")]
    [InlineData("experiment 'exp-empty' has no runs yet: simulate it (simulate --experiment exp-empty) or send it traffic first.",
        "--experiment", TeacherExperiments.Empty)]
    [InlineData("experiment 'exp-gone' is aborted: its data must not be used for a verdict. Nothing was appended.", "--experiment", TeacherExperiments.Aborted)]
    public async Task Evaluate_refuses_bad_input_with_one_message_and_exit_code_2_and_appends_nothing(string message, params string[] args)
    {
        await Host.RegisterRefusedExperimentsAsync();
        var output = Path.Combine(Path.GetTempPath(), $"selflearn-{Guid.NewGuid():N}-verdict.json");
        var before = await Host.EventCount();

        var (code, printed) = await ConsoleCapture.RunAsync(() => EvaluateCommand.RunAsync(Host.Services, [.. args, "--out", output], Ct));

        Assert.Equal((EvaluateCommand.BadInput, message + "\n"), (code, printed));
        Assert.Equal(before, await Host.EventCount());
        Assert.False(File.Exists(output));
        await Host.Get($"/api/experiments/{TeacherExperiments.Aborted}/verdict", 404);
    }

    [Theory]
    [InlineData("unknown flag --verdict; recompute takes --experiment.", "--verdict", "vrd-1")]
    [InlineData("name the experiment: recompute --experiment ID.")]
    [InlineData("no experiment 'exp-nope'.", "--experiment", "exp-nope")]
    [InlineData("experiment 'exp-empty' has no verdict: evaluate it first.", "--experiment", TeacherExperiments.Empty)]
    public async Task Recompute_refuses_bad_input_with_one_message_and_exit_code_2_and_appends_nothing(string message, params string[] args)
    {
        await Host.RegisterRefusedExperimentsAsync();
        var before = await Host.EventCount();

        var (code, printed) = await ConsoleCapture.RunAsync(() => RecomputeCommand.RunAsync(Host.Services, args, Ct));

        Assert.Equal((RecomputeCommand.BadInput, message + "\n"), (code, printed));
        Assert.Equal(before, await Host.EventCount());
    }
}
