using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator.Library;

/// <summary>Gets one brief wrong on the first attempt (its first question cites a turn that does not exist), then writes it right.</summary>
internal sealed class FlawedOnceAuthor(string flawedScenario) : IScenarioAuthor
{
    private readonly TemplateScenarioAuthor template = new();
    private bool flawed;

    public List<int> Seeds { get; } = [];

    public string Generator => "flawed-once";

    public async Task<Scenario> WriteAsync(ScenarioBrief brief, CancellationToken ct)
    {
        var scenario = await template.WriteAsync(brief, ct);
        if (brief.ScenarioId != flawedScenario)
            return scenario;
        Seeds.Add(brief.Seed);
        if (flawed)
            return scenario;
        flawed = true;
        var question = scenario.Questions.First(q => !q.Golden.Abstain);
        var broken = question with { Golden = question.Golden with { EvidenceTurns = ["s9:t99"] } };
        return scenario with { Questions = [broken, .. scenario.Questions.Skip(1)] };
    }
}

/// <summary>Never manages one brief.</summary>
internal sealed class RejectingAuthor(string hopelessScenario) : IScenarioAuthor
{
    private readonly TemplateScenarioAuthor template = new();

    public int Attempts { get; private set; }

    public string Generator => "rejecting";

    public Task<Scenario> WriteAsync(ScenarioBrief brief, CancellationToken ct)
    {
        if (brief.ScenarioId != hopelessScenario)
            return template.WriteAsync(brief, ct);
        Attempts++;
        throw new ScenarioRejectedException(brief.ScenarioId, new ScenarioError("$.questions", "the model wrote no questions."));
    }
}
