using SelfLearn.Agents.Emulator.Locomo;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Tests.Locomo;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator;

public sealed class LocomoScenariosTests
{
    private static readonly Lazy<IReadOnlyList<LocomoConversation>> Dev = new(() => LocomoDataset.Load(LocomoDevFile.Path));
    private static readonly Lazy<LocomoConversion> Converted = new(() => LocomoScenarios.Convert(Dev.Value, "locomo-dev"));

    private static Scenario Conv26 => Converted.Value.Set.Scenarios[0];

    [Fact]
    public void The_dev_split_becomes_five_valid_scenarios_of_the_locomo_project()
    {
        var set = Converted.Value.Set;

        Assert.Null(ScenarioValidator.Validate(set));
        Assert.Equal(["conv-26", "conv-30", "conv-41", "conv-42", "conv-43"], set.Scenarios.Select(s => s.Id));
        Assert.All(set.Scenarios, s => Assert.Equal(("locomo", "locomo-speaker"), (s.Project, s.PersonaId)));
        Assert.Equal([LocomoScenarios.Speaker], set.Personas);
    }

    [Fact]
    public void Every_QA_item_is_a_question_except_the_two_without_evidence()
    {
        var skipped = Converted.Value.Skipped;

        Assert.Equal(Dev.Value.Sum(c => c.Questions.Count) - 2, Converted.Value.Set.Questions.Count());
        Assert.Equal(2, skipped.Count);
        Assert.StartsWith("conv-26 qa[30] (category 3) has no evidence turn", skipped[0], StringComparison.Ordinal);
        Assert.StartsWith("conv-26 qa[46] (category 3) has no evidence turn", skipped[1], StringComparison.Ordinal);
        Assert.Contains("Would Melanie be considered an ally", skipped[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Question_kinds_follow_the_categories()
    {
        var kinds = Converted.Value.Set.Questions.GroupBy(q => q.Question.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int>
        {
            [QuestionKinds.MultiHop] = 142,
            [QuestionKinds.Temporal] = 156,
            [QuestionKinds.OpenDomain] = 44,
            [QuestionKinds.SingleHop] = 418,
            [QuestionKinds.Unanswerable] = 237,
        }, kinds);
    }

    [Fact]
    public void A_question_keeps_its_answer_its_evidence_and_its_place_in_the_file()
    {
        var first = Conv26.Questions[0];

        Assert.Equal(("q001", QuestionKinds.Temporal, "When did Caroline go to the LGBTQ support group?"), (first.Id, first.Kind, first.Text));
        Assert.Equal(("7 May 2023", false), (first.Golden.Answer, first.Golden.Abstain));
        Assert.Equal(["D1:3"], first.Golden.EvidenceTurns);
        Assert.Empty(first.Golden.EvidenceFacts);
        Assert.Equal("q032", Conv26.Questions[30].Id);
    }

    [Fact]
    public void Adversarial_items_abstain_without_evidence_and_show_the_trap_answer()
    {
        var unanswerable = Converted.Value.Set.Questions.Where(q => q.Question.Kind == QuestionKinds.Unanswerable).Select(q => q.Question.Golden).ToList();

        Assert.All(unanswerable, g => Assert.True(g is { Abstain: true, EvidenceTurns.Count: 0, EvidenceFacts.Count: 0 }));
        Assert.All(unanswerable, g => Assert.StartsWith("Not mentioned in the conversation", g.Answer, StringComparison.Ordinal));
        Assert.Contains(unanswerable, g => g.Answer.Contains("(adversarial answer: \"", StringComparison.Ordinal));
    }

    [Fact]
    public void Evidence_names_turns_of_the_same_scenario()
    {
        foreach (var scenario in Converted.Value.Set.Scenarios)
        {
            var turns = scenario.Sessions.SelectMany(s => s.Turns).Select(t => t.Id).ToHashSet();
            Assert.All(scenario.Questions.SelectMany(q => q.Golden.EvidenceTurns), id => Assert.Contains(id, turns));
        }
    }

    [Fact]
    public void Sessions_and_turns_are_the_conversation_as_told()
    {
        var firstSession = Conv26.Sessions[0];
        var imageTurn = firstSession.Turns.Single(t => t.Id == "D1:5");

        Assert.Equal(19, Conv26.Sessions.Count);
        Assert.Equal(("session-1", new DateTimeOffset(2023, 5, 8, 13, 56, 0, TimeSpan.Zero)), (firstSession.Id, firstSession.Date));
        var first = firstSession.Turns[0];
        Assert.Equal(("D1:1", "Caroline", "Hey Mel! Good to see you! How have you been?", TurnActs.Reveal), (first.Id, first.Speaker, first.Text, first.Act));
        Assert.Empty(first.Reveals);
        Assert.EndsWith("[image: a photo of a dog walking past a wall with a painting of a woman]", imageTurn.Text, StringComparison.Ordinal);
        Assert.Empty(Conv26.Facts);
        Assert.StartsWith("Caroline and Melanie catch up over 19 sessions", Conv26.Intent, StringComparison.Ordinal);
    }

    [Fact]
    public void Questions_are_asked_the_day_after_the_last_session() =>
        Assert.All(Converted.Value.Set.Scenarios, s => Assert.All(s.Questions, q => Assert.Equal(s.Sessions[^1].Date.AddDays(1), q.AskedAt)));

    [Fact]
    public void Converting_twice_gives_the_same_bytes_and_they_parse_back_to_them()
    {
        var again = ScenarioJson.SerializeToUtf8(LocomoScenarios.Convert(LocomoDataset.Load(LocomoDevFile.Path), "locomo-dev").Set);

        Assert.Equal(ScenarioJson.SerializeToUtf8(Converted.Value.Set), again);
        var (parsed, error) = ScenarioJson.Parse(System.Text.Encoding.UTF8.GetString(again));
        Assert.Null(error);
        Assert.Equal(again, ScenarioJson.SerializeToUtf8(parsed!));
    }

    [Fact]
    public void An_item_whose_evidence_names_no_turn_is_skipped_with_the_reason()
    {
        var turn = new LocomoTurn("D1:1", "Ann", "I adopted a cat.", null);
        var conversation = new LocomoConversation("Sample 7", "Ann", "Bo", [new LocomoSession(1, new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero), [turn])],
        [
            new LocomoQuestion("What did Ann adopt?", "A cat", null, LocomoCategory.SingleHop, ["D1:1"], []),
            new LocomoQuestion("What did Bo adopt?", "A dog", null, LocomoCategory.SingleHop, [], ["D:9:9"]),
        ]);

        var conversion = LocomoScenarios.Convert([conversation], "tiny");

        Assert.Null(ScenarioValidator.Validate(conversion.Set));
        Assert.Equal("sample-7", Assert.Single(conversion.Set.Scenarios).Id);
        Assert.Equal("q001", Assert.Single(conversion.Set.Scenarios[0].Questions).Id);
        Assert.Equal("Sample 7 qa[1] (category 4) has evidence naming no turn ('D:9:9'): \"What did Bo adopt?\"", Assert.Single(conversion.Skipped));
    }
}
