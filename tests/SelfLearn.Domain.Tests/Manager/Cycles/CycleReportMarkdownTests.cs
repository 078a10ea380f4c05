using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Statistics;
using SelfLearn.Domain.Teacher.Verdicts;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

public sealed class CycleReportMarkdownTests
{
    private static readonly CycleReport Report = new("cyc-1", "goal-1", "default", 3,
        [
            new TestedHypothesis("cyc-1-e1", "cyc-1-h1", "retrieval.top_k", J("5"), J("7"), "vrd-1", VerdictCall.Winner,
                [new MetricGain("retrieval.delivered_recall", "all", MetricRole.Primary, 0.4, 0.45, 0.05, new ConfidenceInterval(0.02, 0.08, 0.95), 0.125,
                    null, Significance.Better)],
                [new MetricGain("tokens.in", "all", MetricRole.SideEffect, 300, 400, 100, new ConfidenceInterval(80, 120, 0.95), 0.3333, null, Significance.Worse)]),
        ],
        ["cyc-1-h1"], [], [new ConflictResolved("cyc-1", "retrieval.top_k", "r-a", ["r-b"], "kept r-a.")],
        new CycleChange(CycleChange.Activated, "r-a", 4, null, "activated version 4: retrieval.top_k 5 → 7"));

    [Fact]
    public void A_report_in_russian_has_its_headings_in_russian_and_every_figure_of_the_json()
    {
        Assert.Equal("""
            # Цикл cyc-1

            goal `goal-1` · deployment `default` · base version 3

            ## Что проверено

            | гипотеза | фактор | изменение | вердикт |
            |---|---|---|---|
            | cyc-1-h1 | `retrieval.top_k` | 5 → 7 | winner |

            ## Выигрыш по основным метрикам (относительный, 95 % интервал абсолютной разницы)

            - cyc-1-h1 `retrieval.delivered_recall` (all): +12.5%, Δ 0.05 [0.02, 0.08]

            ## Побочные эффекты

            - cyc-1-h1 `tokens.in` (all): +33.33%, Δ 100 [80, 120], worse

            ## Разрешённые конфликты

            - kept r-a.

            ## Изменение

            activated: activated version 4: retrieval.top_k 5 → 7

            """.Replace("\r\n", "\n", StringComparison.Ordinal), CycleReportMarkdown.Render(Report, GoalLanguage.Russian));
    }

    [Fact]
    public void A_report_without_experiments_in_english_says_nothing_was_tested()
    {
        var empty = Report with { Tested = [], Winners = [], Conflicts = [], Change = new CycleChange(CycleChange.None, null, null, null, "nothing was tested: no factor.") };

        Assert.Equal("# Cycle cyc-1\n\ngoal `goal-1` · deployment `default` · base version 3\n\n## What was tested\n\nnothing was tested.\n\n## Change\n\nnone: nothing was tested: no factor.\n",
            CycleReportMarkdown.Render(empty, GoalLanguage.English));
    }

    private static readonly HypothesisMap Map = new(
        [new MappedHypothesis("retrieval.top_k", J("5"), J("7"), "cyc-1", "cyc-1-h1", "cyc-1-e1", "vrd-1", VerdictCall.Winner, null, null, "tested on base version 3: winner")],
        [new MappedHypothesis("retrieval.top_k", J("5"), J("7"), "cyc-1", "cyc-1-h1", "cyc-1-e1", "vrd-1", VerdictCall.Winner, null, null, "winner: why it won")],
        [new MappedHypothesis("retrieval.top_k", J("5"), J("3"), "cyc-1", null, null, null, null, null, 0.38, "dropped: why")],
        [new MappedHypothesis("retrieval.min_score", J("0.2"), J("0.3"), "cyc-1", null, null, null, null, null, 0.41, "later: why")],
        ["version 4 is the new base"]);

    [Fact]
    public void The_hypothesis_map_comes_last_with_its_four_groups_each_line_with_its_why()
    {
        var markdown = CycleReportMarkdown.Render(Report with { HypothesisMap = Map }, GoalLanguage.English);

        Assert.EndsWith("""
            activated: activated version 4: retrieval.top_k 5 → 7

            ## Hypothesis map

            ### Tried

            - cyc-1-h1 `retrieval.top_k` 5 → 7 (cycle cyc-1): tested on base version 3: winner

            ### Confirmed

            - cyc-1-h1 `retrieval.top_k` 5 → 7 (cycle cyc-1): winner: why it won

            ### Rejected

            - `retrieval.top_k` 5 → 3 (cycle cyc-1): dropped: why

            ### Next

            - `retrieval.min_score` 0.2 → 0.3 (cycle cyc-1): later: why
            - version 4 is the new base

            """.Replace("\r\n", "\n", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void The_hypothesis_map_in_russian_has_russian_headings_and_says_when_a_group_is_empty()
    {
        var map = new HypothesisMap(Map.Tried, [], [], [], []);

        var markdown = CycleReportMarkdown.Render(Report with { HypothesisMap = map }, GoalLanguage.Russian);

        Assert.EndsWith("""
            ## Карта гипотез

            ### Проверены

            - cyc-1-h1 `retrieval.top_k` 5 → 7 (цикл cyc-1): tested on base version 3: winner

            ### Подтверждены

            нет.

            ### Отвергнуты

            нет.

            ### Дальше

            нет.

            """.Replace("\r\n", "\n", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void The_offline_to_online_agreement_closes_the_report_in_its_language()
    {
        var validity = new SelfLearn.Domain.Manager.Cycles.OfflineOnline(2, new SelfLearn.Domain.Teacher.Online.RunningAgreement(5, 4, 0.8, 0.613));

        Assert.EndsWith("\n## Offline → online\n\nOver 2 activations checked against live traffic, 4 of 5 predicted directions held (80%), correlation r = 0.61.\n",
            CycleReportMarkdown.Render(Report with { OfflineOnline = validity }, GoalLanguage.English), StringComparison.Ordinal);
        Assert.EndsWith("\n## Офлайн → онлайн\n\nЗа 2 проверенных активаций направление изменения совпало в 4 из 5 метрик (80%), корреляция r = 0.61.\n",
            CycleReportMarkdown.Render(Report with { OfflineOnline = validity }, GoalLanguage.Russian), StringComparison.Ordinal);
        Assert.DoesNotContain("Offline → online", CycleReportMarkdown.Render(Report, GoalLanguage.English), StringComparison.Ordinal);
    }
}
