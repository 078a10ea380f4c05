using SelfLearn.Agents.Teacher.Judging.Offline;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>The claim rule of docs/JUDGE.md, one example per boundary.</summary>
public sealed class ClaimSplitterTests
{
    [Theory]
    [InlineData("Twelve guests. More replies came in!", new[] { "Twelve guests", "More replies came in" })]
    [InlineData("You haven't told me; I only know you're at 82 kg.", new[] { "You haven't told me", "I only know you're at 82 kg" })]
    [InlineData("Casa Azul — you cancelled Hotel Lindenhof.", new[] { "Casa Azul", "you cancelled Hotel Lindenhof" })]
    [InlineData("I don't know how old Marta is, but she lives in Bologna.", new[] { "I don't know how old Marta is", "but she lives in Bologna" })]
    [InlineData("Leo likes figurines and new shoes.", new[] { "Leo likes figurines and new shoes" })]
    [InlineData("It costs 4,500 euros? Yes.", new[] { "It costs 4,500 euros", "Yes" })]
    public void Sentences_spaced_dashes_and_joined_clauses_split_an_answer(string answer, string[] claims) =>
        Assert.Equal(claims, ClaimSplitter.Split(answer));

    [Fact]
    public void Whitespace_is_normalised_and_empty_pieces_dropped() =>
        Assert.Equal(["Podcasts"], ClaimSplitter.Split("  Podcasts.\n\n  "));
}
