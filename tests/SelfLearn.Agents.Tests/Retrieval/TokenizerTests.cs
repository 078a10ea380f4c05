using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class TokenizerTests
{
    [Fact]
    public void Lower_cases_splits_on_non_alphanumerics_and_drops_stopwords_and_single_letters()
    {
        Assert.Equal(["carolin", "paint", "lak", "show", "8", "may", "2023"], Tokenizer.Tokenize("What did Caroline's PAINTING of the lake show? 8-May/2023 x"));
    }

    [Fact]
    public void Keeps_non_ascii_letters_and_digits_together()
    {
        Assert.Equal(["café", "3pm", "niño"], Tokenizer.Tokenize("café@3pm, niño"));
    }

    [Fact]
    public void Month_names_survive_for_dates()
    {
        Assert.Equal(["may", "march", "jun"], Tokenizer.Tokenize("May March June"));
    }

    [Fact]
    public void Inflections_meet_at_one_stem()
    {
        Assert.All(new[] { "paint", "paints", "painted", "painting" }, w => Assert.Equal("paint", LightStemmer.Stem(w)));
        Assert.All(new[] { "make", "makes", "making" }, w => Assert.Equal("mak", LightStemmer.Stem(w)));
        Assert.All(new[] { "run", "running" }, w => Assert.Equal("run", LightStemmer.Stem(w)));
        Assert.All(new[] { "party", "parties", "partied" }, w => Assert.Equal("party", LightStemmer.Stem(w)));
        Assert.All(new[] { "need", "needs", "needed" }, w => Assert.Equal("need", LightStemmer.Stem(w)));
        Assert.All(new[] { "tie", "ties" }, w => Assert.Equal("tie", LightStemmer.Stem(w)));
        Assert.Equal("class", LightStemmer.Stem("classes"));
        Assert.Equal("box", LightStemmer.Stem("boxes"));
        Assert.Equal("watch", LightStemmer.Stem("watches"));
        Assert.Equal("fall", LightStemmer.Stem("falling"));
    }

    [Fact]
    public void Short_words_and_words_ending_in_ss_us_is_are_left_alone()
    {
        Assert.All(new[] { "bus", "campus", "tennis", "glass", "sing", "bring", "red", "2023s" }, w => Assert.Equal(w, LightStemmer.Stem(w)));
    }
}
