using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Offline;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>
/// The offline judge's rules (docs/JUDGE.md), each on a hand-made answer whose label follows from the labelling guide.
/// The test embedder gives different texts cosine 0, so the word rules decide unless a test makes two texts alike.
/// </summary>
public sealed class OfflineJudgeTests
{
    private readonly DistinctEmbedder _embedder = new();

    private JudgeScore Judge(string question, string answer, string[] context, string? golden, bool answerable = true, bool abstained = false) =>
        new OfflineJudge(_embedder).Judge(new JudgeInput(question, answer, abstained, context, golden, answerable), CancellationToken.None);

    [Fact]
    public void A_grounded_answer_is_supported_correct_and_names_the_item_it_used()
    {
        var score = Judge("Which seat do I take on flights?", "The aisle seat.",
            ["[18 August 2026] Ben: I watched a film.", "[18 August 2026] Ben: On flights I always take the aisle seat."], "the aisle seat");

        Assert.Equal((JudgeLabel.Supported, true, false, 1, 1), (score.Label, score.Correct, score.Hallucinated, score.Claims, score.SupportedClaims));
        Assert.Equal([1], score.UsedContextItems);
        Assert.Equal(("offline", "offline-v2+distinct-test-axes"), (score.Judge, score.JudgeVersion));
    }

    [Fact]
    public void An_invented_detail_makes_a_correct_answer_unsupported()
    {
        var score = Judge("Which seat do I take on flights?", "The aisle seat, always near the wing.",
            ["[18 August 2026] Ben: On flights I always take the aisle seat."], "the aisle seat");

        Assert.Equal((JudgeLabel.Unsupported, true, true, 1, 0), (score.Label, score.Correct, score.Hallucinated, score.Claims, score.SupportedClaims));
        Assert.Empty(score.UsedContextItems);
    }

    [Fact]
    public void A_value_of_the_kind_the_golden_answer_gives_but_not_its_value_contradicts_it()
    {
        var score = Judge("How many guests is the dinner party for now?", "Six guests.",
            ["[4 June 2026] Farid: The dinner party is for six guests.", "[6 June 2026] Farid: More replies came in, so we're twelve guests now."], "twelve");

        Assert.Equal((JudgeLabel.Unsupported, false, 1, 0), (score.Label, score.Correct, score.Claims, score.SupportedClaims));
    }

    [Fact]
    public void A_fact_resting_on_an_item_older_than_the_one_holding_the_golden_answer_is_superseded()
    {
        var score = Judge("What is my dissertation on at the moment?", "Remote work and productivity.",
            ["[26 June 2025] Ben: My thesis is about remote work and productivity.", "[7 July 2025] Ben: I changed my thesis topic, it's now urban heat islands."],
            "urban heat islands");

        Assert.Equal((JudgeLabel.Unsupported, false, true), (score.Label, score.Correct, score.Hallucinated));
    }

    [Fact]
    public void An_abstention_on_an_answerable_question_is_abstained_and_wrong_and_embeds_nothing()
    {
        var score = Judge("Which seat do I take on flights?", "I don't know.", ["[18 August 2026] Ben: On flights I always take the aisle seat."],
            "the aisle seat", abstained: true);

        Assert.Equal((JudgeLabel.Abstained, false, false, 0), (score.Label, score.Correct, score.Hallucinated, score.Claims));
        Assert.Equal(0, _embedder.Calls);
    }

    [Fact]
    public void A_worded_abstention_on_an_unanswerable_question_is_recognised_and_right()
    {
        var score = Judge("Which airline am I loyal to?", "You never told me which airline you prefer.", ["[3 July 2026] Ana: Quick one."],
            "Not mentioned in our conversations.", answerable: false);

        Assert.Equal((JudgeLabel.Abstained, true, false), (score.Label, score.Correct, score.Hallucinated));
    }

    [Theory]
    [InlineData("I don't know her age; she lives in Bologna.", JudgeLabel.Abstained)]
    [InlineData("I don't know how old Marta is, but she moved to Bologna two years ago.", JudgeLabel.Unsupported)]
    public void An_abstention_keeps_its_label_only_while_its_side_remarks_are_supported(string answer, JudgeLabel label) =>
        Assert.Equal(label, Judge("How old is my sister?", answer, ["[26 April 2025] Dario: My sister Marta lives in Bologna."],
            "Not mentioned in our conversations.", answerable: false).Label);

    [Fact]
    public void Any_answer_to_an_unanswerable_question_is_unsupported()
    {
        var score = Judge("What's the name of our plumber?", "Your plumber is Jan Novak.", ["[17 October 2025] Eva: The house was built in 1956."],
            "Not mentioned in our conversations.", answerable: false);

        Assert.Equal((JudgeLabel.Unsupported, false, true), (score.Label, score.Correct, score.Hallucinated));
    }

    [Theory]
    [InlineData("On Friday 25 April 2025.", JudgeLabel.Supported)]
    [InlineData("On Thursday 24 April 2025.", JudgeLabel.Unsupported)]
    public void A_date_computed_from_a_weekday_and_the_day_it_was_said_is_supported(string answer, JudgeLabel label) =>
        Assert.Equal(label, Judge("What date did I have the neighbours over for a barbecue?", answer,
            ["[28 April 2025] Mei: I hosted a barbecue for the neighbours on Friday."], "25 April 2025").Label);

    [Fact]
    public void The_day_an_item_was_said_does_not_back_a_number_of_a_claim_that_names_no_day() =>
        Assert.Equal(JudgeLabel.Unsupported, Judge("How long do I plan to be in Tallinn?", "You plan to spend three nights.",
            ["[3 July 2026] Ana: Nora moved to Tallinn last year."], null).Label);

    [Fact]
    public void An_item_about_something_else_does_not_back_a_date_it_was_said_on() =>
        Assert.Equal(JudgeLabel.Unsupported, Judge("What date did I approve the spending plan?", "You approved it on 7 October 2025.",
            ["[7 October 2025] Ana: The new intern is called Amara.", "[26 October 2025] Ana: I like summaries as a table."], null).Label);

    [Fact]
    public void Two_items_linked_by_what_the_claim_names_support_it_together()
    {
        var score = Judge("Which part of our joint assignment does my experiment buddy cover?", "Tariq, your lab partner, handles the data analysis.",
            ["[1 June 2025] Eva: My lab partner is Tariq.", "[5 June 2025] Eva: I watched a film.", "[10 June 2025] Eva: Tariq is handling the data analysis for our project."],
            "data analysis");

        Assert.Equal(JudgeLabel.Supported, score.Label);
        Assert.Equal([0, 2], score.UsedContextItems);
    }

    [Fact]
    public void Two_items_the_claim_does_not_link_do_not_support_it_together() =>
        Assert.Equal(JudgeLabel.Unsupported, Judge("Which drink should I buy for my guest?", "She comes for lunch on Saturday and drinks jasmine green tea.",
            ["[5 June 2025] Ana: My friend Nadia is coming for lunch on Saturday.", "[20 June 2025] Ana: Nadia only drinks green tea."], null).Label);

    [Theory]
    [InlineData("Caroline wants to work with trans people and support their mental health.", JudgeLabel.Supported)]
    [InlineData("Melanie wants to work with trans people and support their mental health.", JudgeLabel.Unsupported)]
    public void What_one_speaker_said_is_not_support_for_a_claim_about_another(string answer, JudgeLabel label) =>
        Assert.Equal(label, Judge("What kind of counseling is Melanie interested in?", answer,
            ["[27 June 2023] Caroline: I'm thinking of working with trans people and supporting their mental health.",
             "[27 June 2023] Melanie: What kind of counseling do you want to pursue?"], null).Label);

    [Fact]
    public void A_half_covered_paraphrase_needs_the_embedding_to_be_supported()
    {
        const string answer = "Energetic techno while training.";
        const string item = "[12 January 2025] Ben: I love training to techno.";
        Assert.Equal(JudgeLabel.Unsupported, Judge("What do I like listening to while I exercise?", answer, [item], null).Label);

        _embedder.Alike.Add(("Energetic techno while training", item));
        Assert.Equal(JudgeLabel.Supported, Judge("What do I like listening to while I exercise?", answer, [item], null).Label);
    }

    [Fact]
    public void Faithfulness_is_the_share_of_supported_claims()
    {
        var score = Judge("What do I like listening to while I exercise?", "Techno. You train at Pulse Studio.",
            ["[12 January 2025] Ben: I love training to techno."], "techno");

        Assert.Equal((2, 1, 0.5), (score.Claims, score.SupportedClaims, score.Faithfulness));
        Assert.Equal([0], score.UsedContextItems);
    }
}
