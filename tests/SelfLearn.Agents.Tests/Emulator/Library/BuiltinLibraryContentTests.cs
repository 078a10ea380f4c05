using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator.Library;

public sealed class BuiltinLibraryContentTests
{
    [Fact]
    public async Task The_library_passes_the_validator_and_is_built_without_rejections()
    {
        var build = await BuiltinLibrary.Seed42();

        Assert.Null(ScenarioValidator.Validate(build.Set));
        Assert.Equal((0, 0), (build.Rejected, build.Skipped.Count));
        Assert.Null(ScenarioJson.Parse(ScenarioJson.Serialize(build.Set)).Error);
    }

    [Fact]
    public async Task The_set_is_named_and_seeded_and_covers_personas_and_projects()
    {
        var set = await BuiltinLibrary.Set();

        Assert.Equal((ScenarioSet.CurrentFormat, "builtin", 42, "template-v1"), (set.Format, set.Name, set.Seed, set.Generator));
        Assert.True(set.Scenarios.Count >= 30, $"{set.Scenarios.Count} scenarios");
        Assert.True(set.Personas.Count >= 5, $"{set.Personas.Count} personas");
        Assert.True(set.Scenarios.Select(s => s.Project).Distinct().Count() >= 4);
        Assert.Equal(set.Personas.Select(p => p.Id).Order(), set.Scenarios.Select(s => s.PersonaId).Distinct().Order());
        Assert.True(set.Personas.Select(p => (p.Style, p.Verbosity, p.Patience)).Distinct().Count() == set.Personas.Count);
    }

    [Theory]
    [InlineData(QuestionKinds.SingleHop)]
    [InlineData(QuestionKinds.MultiHop)]
    [InlineData(QuestionKinds.Temporal)]
    [InlineData(QuestionKinds.KnowledgeUpdate)]
    [InlineData(QuestionKinds.Preference)]
    [InlineData(QuestionKinds.Unanswerable)]
    public async Task Every_kind_but_open_domain_is_asked_in_most_scenarios(string kind)
    {
        var set = await BuiltinLibrary.Set();

        var asking = set.Scenarios.Count(s => s.Questions.Any(q => q.Kind == kind));

        Assert.True(asking > set.Scenarios.Count / 2, $"{asking} of {set.Scenarios.Count} scenarios ask a {kind} question.");
    }

    [Fact]
    public async Task Every_scenario_has_the_shape_the_emulator_needs()
    {
        var set = await BuiltinLibrary.Set();

        Assert.All(set.Scenarios, s =>
        {
            Assert.InRange(s.Sessions.Count, 3, 6);
            Assert.InRange(s.Questions.Count, 5, 9);
            Assert.All(s.Questions, q => Assert.True(q.AskedAt > s.Sessions[^1].Date));
            Assert.Contains(s.Turns(), t => t.Act == TurnActs.Chatter);
            Assert.Contains(s.Facts, f => f.Kind == FactKinds.Update);
            Assert.Contains(s.Facts, f => f is { Kind: FactKinds.Event, HappenedAt: not null });
            Assert.Contains(s.Turns(), t => t.Speaker == "Assistant");
            Assert.Contains(s.Turns(), t => t.Speaker == set.Personas.Single(p => p.Id == s.PersonaId).Name);
        });
    }

    [Fact]
    public async Task Every_scenario_has_a_clarify_request_answered_by_a_clarification_that_reveals_a_fact()
    {
        var set = await BuiltinLibrary.Set();

        Assert.All(set.Scenarios, s => Assert.Contains(s.Sessions, session => session.Turns.Zip(session.Turns.Skip(1)).Any(pair =>
            pair.First is { Act: TurnActs.ClarifyRequest, Speaker: "Assistant" } && pair.Second is { Act: TurnActs.Clarification, Reveals.Count: > 0 })));
    }

    [Fact]
    public async Task Follow_ups_exist_and_impatient_users_ask_more_of_them()
    {
        var set = await BuiltinLibrary.Set();
        double FollowUpsPerQuestion(string patience) => set.Scenarios
            .Where(s => set.Personas.Single(p => p.Id == s.PersonaId).Patience == patience)
            .SelectMany(s => s.Questions).Average(q => q.FollowUps.Count);

        Assert.Contains(set.Questions, q => q.Question.FollowUps.Count > 0);
        Assert.True(FollowUpsPerQuestion("low") > FollowUpsPerQuestion("medium"));
        Assert.True(FollowUpsPerQuestion("medium") > FollowUpsPerQuestion("high"));
    }

    [Fact]
    public async Task Every_follow_up_asks_the_question_again_and_most_in_other_words()
    {
        var set = await BuiltinLibrary.Set();
        var followUps = set.Questions.SelectMany(q => q.Question.FollowUps.Select(f => (q.Question, FollowUp: f))).ToList();

        Assert.All(followUps, x => Assert.EndsWith("?", x.FollowUp.Text, StringComparison.Ordinal));
        static string Asked(string text) => text[(text.LastIndexOfAny(['.', '!']) + 1)..].Trim();
        var reworded = followUps.Count(x => !x.FollowUp.Text.Contains(Asked(x.Question.Text), StringComparison.Ordinal));
        Assert.True(reworded > followUps.Count / 2, $"{reworded} of {followUps.Count} follow-ups use other words");
    }

    [Fact]
    public async Task Terse_users_write_shorter_turns_than_chatty_ones()
    {
        var set = await BuiltinLibrary.Set();
        double UserTurnLength(string style) => set.Scenarios
            .Where(s => set.Personas.Single(p => p.Id == s.PersonaId).Style == style)
            .SelectMany(s => s.Turns().Where(t => t.Speaker != "Assistant")).Average(t => t.Text.Length);

        Assert.True(UserTurnLength("terse") * 1.3 < UserTurnLength("chatty"), $"terse {UserTurnLength("terse"):F0}, chatty {UserTurnLength("chatty"):F0}");
    }

    [Fact]
    public async Task Temporal_answers_name_the_date_the_event_happened()
    {
        var set = await BuiltinLibrary.Set();

        var temporal = set.Scenarios.SelectMany(s => s.Questions.Where(q => q.Kind == QuestionKinds.Temporal).Select(q => (s, q))).ToList();

        Assert.NotEmpty(temporal);
        Assert.All(temporal, x => Assert.All(x.q.Golden.EvidenceFacts, id =>
        {
            var happened = x.s.Facts.Single(f => f.Id == id).HappenedAt!.Value;
            Assert.Contains(happened.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), x.q.Golden.Answer, StringComparison.Ordinal);
        }));
    }

    [Fact]
    public async Task Unanswerable_questions_and_only_they_abstain_with_no_evidence()
    {
        var set = await BuiltinLibrary.Set();

        var unanswerable = set.Questions.Where(x => x.Question.Kind == QuestionKinds.Unanswerable).ToList();

        Assert.NotEmpty(unanswerable);
        Assert.All(unanswerable, x => Assert.True(x.Question.Golden is { Abstain: true, EvidenceTurns.Count: 0 }));
        Assert.DoesNotContain(set.Questions, x => x.Question.Kind != QuestionKinds.Unanswerable && x.Question.Golden.Abstain);
    }
}
