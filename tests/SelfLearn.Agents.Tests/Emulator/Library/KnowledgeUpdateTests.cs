using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Emulator.Library;

public sealed class KnowledgeUpdateTests
{
    [Fact]
    public async Task Knowledge_update_answers_come_from_the_update_not_from_the_fact_it_replaced()
    {
        var set = await BuiltinLibrary.Set();

        var questions = set.Scenarios.SelectMany(s => s.Questions.Where(q => q.Kind == QuestionKinds.KnowledgeUpdate).Select(q => (s, q))).ToList();

        Assert.True(questions.Count >= set.Scenarios.Count, $"{questions.Count} knowledge-update questions");
        Assert.All(questions, x =>
        {
            var update = x.s.Facts.Single(f => f.Id == Assert.Single(x.q.Golden.EvidenceFacts));
            Assert.Equal(FactKinds.Update, update.Kind);
            var updateTurn = x.s.Turn(Assert.Single(x.q.Golden.EvidenceTurns));
            var supersededTurn = x.s.Turns().First(t => t.Reveals.Contains(update.Supersedes!));
            Assert.Contains(update.Id, updateTurn.Reveals);
            Assert.Contains(x.q.Golden.Answer, updateTurn.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(x.q.Golden.Answer, supersededTurn.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Updates_are_told_in_a_later_session_than_what_they_replace()
    {
        var set = await BuiltinLibrary.Set();

        Assert.All(set.Scenarios, s => Assert.All(s.Facts.Where(f => f.Supersedes is not null), update =>
        {
            int SessionOf(string fact) => s.Sessions.ToList().FindIndex(session => session.Turns.Any(t => t.Reveals.Contains(fact)));
            Assert.True(SessionOf(update.Supersedes!) < SessionOf(update.Id));
        }));
    }
}
