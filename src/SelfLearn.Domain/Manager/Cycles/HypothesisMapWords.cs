using System.Globalization;
using System.Text;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>The why of each line of the hypothesis map, in the goal's language; figures and calls are printed alike in both.</summary>
internal sealed record HypothesisMapWords(
    string TestedOn, string NoVerdict, string ActivatedAs, string DroppedByScreen, string LeftByBudget, string NoFigure, string NotScreened,
    string ScreenedAt, string BaseAt, CompositeFormat NewBaseNote)
{
    private static readonly HypothesisMapWords English = new("tested on base version", "no verdict, the cycle is", "activated as version",
        "dropped before any experiment", "left for a later cycle by the experiment budget", "no primary figure", "not screened",
        "screened", "base", CompositeFormat.Parse("version {0} is the new base: the next cycle plans each factor's neighbours again from it, so what was " +
            "tried on version {1} may be tried again (no re-test holds per base version)"));

    private static readonly HypothesisMapWords Russian = new("проверена на базовой версии", "вердикта нет, цикл", "активирована как версия",
        "отсеяна до эксперимента", "оставлена на следующий цикл бюджетом экспериментов", "нет показателя основной метрики",
        "без скрининга", "на скрининге", "у базовой", CompositeFormat.Parse("версия {0} — новая база: следующий цикл снова планирует соседние значения " +
            "каждого фактора от неё, поэтому проверенное на версии {1} может быть проверено снова (запрет повторной проверки действует в пределах базовой версии)"));

    public static HypothesisMapWords For(GoalLanguage language) => language == GoalLanguage.Russian ? Russian : English;

    public string Tried(Cycle cycle, CycleExperiment e) => string.Create(CultureInfo.InvariantCulture,
        $"{TestedOn} {cycle.BaseVersion}: {(e.Call is { } call ? Call(call) : $"{NoVerdict} {cycle.Status}")}");

    public string Confirmed(MetricGain? primary, int? activated) =>
        $"{Call(VerdictCall.Winner)}: {Figure(primary)}" + (activated is { } version ? string.Create(CultureInfo.InvariantCulture, $"; {ActivatedAs} {version}") : "");

    public string Rejected(VerdictCall call, MetricGain? primary) => $"{Call(call)}: {Figure(primary)}";

    public string Dropped(PlanCandidate candidate, CycleScreening? screening) => $"{DroppedByScreen}: {candidate.Reason ?? Screened(candidate, screening)}";

    public string Later(PlanCandidate candidate, CycleScreening? screening) => $"{LeftByBudget}; {Screened(candidate, screening)}";

    public string NewBase(int version, int baseVersion) => string.Format(CultureInfo.InvariantCulture, NewBaseNote, version, baseVersion);

    private string Figure(MetricGain? g) => g is null ? NoFigure : $"{g.Metric} ({g.Segment}) {GainText.Of(g)}";

    private string Screened(PlanCandidate candidate, CycleScreening? screening) => (candidate.Screened, screening) switch
    {
        (null, _) => NotScreened,
        ({ } figure, null) => $"{ScreenedAt} {GainText.Number(figure)}",
        ({ } figure, { } s) => $"{ScreenedAt} {s.Metric} {GainText.Number(figure)}, {BaseAt} {GainText.Number(s.Base)}",
    };

    private static string Call(VerdictCall call) => call.ToString().ToLowerInvariant();
}
