using SelfLearn.Domain.Scenarios;
using static SelfLearn.Domain.Tests.Scenarios.SmallScenarioSet;

namespace SelfLearn.Domain.Tests.Scenarios;

public sealed class ScenarioValidatorTests
{
    private static void AssertError(ScenarioSet set, string path, string messagePart)
    {
        var error = ScenarioValidator.Validate(set);
        Assert.NotNull(error);
        Assert.Equal(path, error.Path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_small_set_is_valid() => Assert.Null(ScenarioValidator.Validate(Set));

    [Fact]
    public void An_unknown_format_is_named() =>
        AssertError(Set with { Format = "selflearn.scenarios/0" }, "$.format", "\"selflearn.scenarios/1\"");

    [Fact]
    public void A_set_name_is_a_lower_case_id() =>
        AssertError(Set with { Name = "Small Set" }, "$.name", "lower-case");

    [Fact]
    public void Verbosity_is_a_persona_level() =>
        AssertError(Set with { Personas = [Ana with { Verbosity = "extreme" }] }, "$.personas[0].verbosity", "low, medium, high");

    [Fact]
    public void Patience_is_a_persona_level() =>
        AssertError(Set with { Personas = [Ana with { Patience = "Medium" }] }, "$.personas[0].patience", "low, medium, high");

    [Fact]
    public void A_persona_id_is_used_once() =>
        AssertError(Set with { Personas = [Ana, Ana with { Name = "Other Ana" }] }, "$.personas[1].id", "used twice");

    [Fact]
    public void A_scenario_id_is_used_once() =>
        AssertError(Set with { Scenarios = [AnaMoves, AnaMoves] }, "$.scenarios[1].id", "used twice");

    [Fact]
    public void A_fact_id_is_used_once() =>
        AssertError(WithScenario(s => s.WithFact(1, f => f with { Id = "lives-lyon" })), "$.scenarios[0].facts[1].id", "used twice");

    [Fact]
    public void A_turn_id_is_used_once_across_sessions() =>
        AssertError(WithScenario(s => s.WithSession(1, session => session.WithTurn(0, t => t with { Id = "s1-t1" }))),
            "$.scenarios[0].sessions[1].turns[0].id", "'s1-t1' is not a new id");

    [Fact]
    public void A_question_id_is_used_once() =>
        AssertError(WithScenario(s => s.WithQuestion(1, q => q with { Id = "q1" })), "$.scenarios[0].questions[1].id", "'q1' is not a new id");

    [Fact]
    public void A_scenario_names_a_persona_of_the_set() =>
        AssertError(WithScenario(s => s with { PersonaId = "bob" }), "$.scenarios[0].personaId", "names no persona 'bob'");

    [Fact]
    public void Every_fact_is_revealed_by_a_turn() =>
        AssertError(WithScenario(s => s.WithSession(0, session => session.WithTurn(2, t => t with { Reveals = [] }))),
            "$.scenarios[0].facts[1]", "fact 'likes-tea' is revealed by no turn");

    [Fact]
    public void An_update_names_the_fact_it_supersedes() =>
        AssertError(WithScenario(s => s.WithFact(2, f => f with { Supersedes = null })), "$.scenarios[0].facts[2].supersedes", "an update names the earlier fact");

    [Fact]
    public void Only_an_update_supersedes() =>
        AssertError(WithScenario(s => s.WithFact(1, f => f with { Supersedes = "lives-lyon" })), "$.scenarios[0].facts[1].supersedes", "other kinds supersede nothing");

    [Fact]
    public void Sessions_are_in_date_order() =>
        AssertError(WithScenario(s => s.WithSession(1, session => session with { Date = January.AddDays(-1) })),
            "$.scenarios[0].sessions[1].date", "earlier than the one before");

    [Fact]
    public void A_turn_reveals_only_facts_that_exist() =>
        AssertError(WithScenario(s => s.WithSession(0, session => session.WithTurn(0, t => t with { Reveals = ["lives-paris"] }))),
            "$.scenarios[0].sessions[0].turns[0].reveals[0]", "names no fact 'lives-paris'");

    [Fact]
    public void An_unanswerable_question_has_no_evidence() =>
        AssertError(WithScenario(s => s.WithQuestion(2, q => q.WithGolden(g => g with { EvidenceTurns = ["s1-t2"] }))),
            "$.scenarios[0].questions[2].golden", "abstain: true and no evidence");

    [Fact]
    public void An_unanswerable_question_abstains() =>
        AssertError(WithScenario(s => s.WithQuestion(2, q => q.WithGolden(g => g with { Abstain = false }))),
            "$.scenarios[0].questions[2].golden", "abstain: true");

    [Fact]
    public void An_answerable_question_names_its_evidence_turns() =>
        AssertError(WithScenario(s => s.WithQuestion(0, q => q.WithGolden(g => g with { EvidenceTurns = [] }))),
            "$.scenarios[0].questions[0].golden.evidenceTurns", "names the turns that answer it");

    [Fact]
    public void Evidence_is_told_before_the_question_is_asked() =>
        AssertError(WithScenario(s => s.WithQuestion(1, q => q with { AskedAt = January.AddDays(1) })),
            "$.scenarios[0].questions[1].golden.evidenceTurns[0]", "turn 's2-t3' is told after the question is asked");

    [Fact]
    public void Evidence_superseded_before_the_question_is_wrong_the_newest_fact_is_right() =>
        AssertError(WithScenario(s => s.WithQuestion(1, AskedWhereAnaLivedWithTheLyonFact)),
            "$.scenarios[0].questions[1].golden.evidenceFacts[0]", "superseded by 'lives-berlin' before the question");

    [Fact]
    public void Evidence_superseded_only_after_the_question_is_still_right() =>
        Assert.Null(ScenarioValidator.Validate(WithScenario(s => s.WithQuestion(1,
            q => AskedWhereAnaLivedWithTheLyonFact(q) with { AskedAt = January.AddDays(5) }))));

    [Fact]
    public void A_knowledge_update_question_rests_on_an_update_fact() =>
        AssertError(WithScenario(s => s.WithQuestion(1, q => q.WithGolden(g => g with { EvidenceFacts = ["likes-tea"], EvidenceTurns = ["s1-t3"] }))),
            "$.scenarios[0].questions[1].golden.evidenceFacts", "rests on an update fact");

    [Fact]
    public void Evidence_facts_are_revealed_by_the_evidence_turns() =>
        AssertError(WithScenario(s => s.WithQuestion(0, q => q.WithGolden(g => g with { EvidenceTurns = ["s1-t2"] }))),
            "$.scenarios[0].questions[0].golden.evidenceFacts[0]", "revealed by none of the evidence turns");

    [Fact]
    public void A_follow_up_id_is_used_once_within_its_question() =>
        AssertError(WithScenario(s => s.WithQuestion(0, q => q with { FollowUps = [new FollowUp("f1", "Hot?"), new FollowUp("f1", "Cold?")] })),
            "$.scenarios[0].questions[0].followUps[1].id", "'f1' is not a new id within the question");

    private static GoldenQuestion AskedWhereAnaLivedWithTheLyonFact(GoldenQuestion question) =>
        question with
        {
            Kind = QuestionKinds.SingleHop,
            Golden = new GoldenAnswer("Lyon.", ["lives-lyon"], ["s1-t1"], Abstain: false),
        };
}
