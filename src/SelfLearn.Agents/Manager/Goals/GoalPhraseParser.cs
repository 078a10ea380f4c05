using System.Globalization;
using System.Text.RegularExpressions;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Agents.Manager.Goals.GoalVocabulary;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>
/// What the parser made of a goal: the formal goal, or the words it could not place and the phrases it could not
/// read. The formal goal still has to pass <see cref="GoalRules"/> (unknown metrics and factors are named there).
/// </summary>
public sealed record GoalParse(FormalGoal? Goal, IReadOnlyList<string> Unplaced, IReadOnlyList<string> Problems)
{
    public bool Understood => Goal is not null;
}

/// <summary>
/// The offline formaliser's grammar (docs/GOALS.md): phrases are matched one kind after another — deployment, budget,
/// factors, objectives, guards — and each match takes its words out of the text. Whatever words remain, apart from
/// glue words, could not be placed and are named back. Deterministic: the same text always gives the same goal.
/// </summary>
public sealed class GoalPhraseParser
{
    private const char Taken = '\u001F';
    private const string Start = @"(?<![\p{L}\p{N}_@.])";
    private const string End = @"(?![\p{L}\p{N}_@])";
    private const string NumberPattern = @"\$?\s*(?<num>\d+(?:[.,]\d+)?)\s*(?<unit>%|ms|мс|milliseconds?|миллисекунд\p{L}*|seconds?|sec|s|сек\p{L}*|с|usd|\$|долл\p{L}*)?";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly string MetricPattern = string.Join("|", MetricWords.Select(m => $"(?:{m.Pattern})"));
    private static readonly string MetricList = $@"(?:{MetricPattern})(?:\s*(?:,|and|or|и|или)\s*(?:{MetricPattern}))*";
    private static readonly string SegmentPattern = string.Join("|", SegmentWords.Select(s => $"(?:{s.Pattern})"));

    private static readonly Regex DeploymentRule = Rule(Deployment);
    private static readonly Regex BudgetRule = Rule(Budget);
    private static readonly Regex ObjectiveRule = Rule(
        $@"(?<verb>{RaiseVerbs}|{ReduceVerbs}|{ImproveVerbs})\s+(?:the\s+)?(?<metric>{MetricPattern})(?:\s+(?<seg1>{SegmentPattern}))?" +
        $@"(?:\s*(?:{AtMost}|{AtLeast}|{Reach})\s*{NumberPattern})?(?:\s+(?<seg2>{SegmentPattern}))?");
    private static readonly Regex NoLossRule = Rule($@"(?:{NoLoss})\s+(?:the\s+)?(?<metrics>{MetricList})");
    private static readonly Regex BoundRule = Rule(
        $@"(?:(?:{BoundOpeners})\s+)?(?:the\s+)?(?<metric>{MetricPattern})\s+(?:(?:{BoundVerbs})\s+)?(?:(?<most>{AtMost})|(?<least>{AtLeast})|{Reach})\s*{NumberPattern}");
    private static readonly Regex UntouchedRule = Rule(
        $@"(?:(?:{UntouchedBefore})\s+(?:the\s+)?(?<metrics>{MetricList})|(?:(?:leave|keep)\s+)?(?:the\s+)?(?<metrics>{MetricList})\s+(?:{UntouchedAfter})(?:\s+(?:alone|as\s+is))?)");
    private static readonly Regex MetricRule = Rule(MetricPattern);
    private static readonly IReadOnlyList<(Regex Rule, string Meaning)> MetricPhrases =
        [.. MetricWords.Select(m => (new Regex($"^(?:{m.Pattern})$", RegexOptions.CultureInvariant, Timeout), m.Meaning))];
    private static readonly IReadOnlyList<(Regex Rule, string Meaning)> SegmentPhrases =
        [.. SegmentWords.Select(s => (new Regex($"^(?:{s.Pattern})$", RegexOptions.CultureInvariant, Timeout), s.Meaning))];
    private static readonly Regex Word = new(@"[\p{L}\p{N}_@.%$'’-]+", RegexOptions.CultureInvariant, Timeout);

    private readonly Regex _onlyRule;
    private readonly Regex _exceptRule;
    private readonly Regex _factorRule;
    private readonly IReadOnlyList<(Regex Rule, string Key)> _factorNames;
    private readonly IReadOnlyList<string> _changeable;

    /// <summary>Factor names resolve against the catalog: a key, the last part of a key when no other key ends the same way, or an alias.</summary>
    public GoalPhraseParser(IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var shortNames = catalog.Keys.GroupBy(k => k[(k.LastIndexOf('.') + 1)..]).Where(g => g.Count() == 1).Select(g => (Name: g.Key, Key: g.Single()));
        _factorNames =
        [
            .. catalog.Keys.OrderByDescending(k => k.Length).Select(k => (Exact(k), k)),
            .. FactorAliases.Select(a => (new Regex($"^(?:{a.Pattern})$", RegexOptions.CultureInvariant, Timeout), a.Meaning)),
            .. shortNames.OrderByDescending(s => s.Name.Length).Select(s => (Exact(s.Name), s.Key)),
        ];
        var factor = string.Join("|", [
            .. catalog.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape),
            .. FactorAliases.Select(a => $"(?:{a.Pattern})"),
            .. shortNames.OrderByDescending(s => s.Name.Length).Select(s => Regex.Escape(s.Name)),
            @"[a-z][a-z0-9_]*\.[a-z0-9_.]*[a-z0-9_]", @"[a-z][a-z0-9]*_[a-z0-9_]+",
        ]);
        var list = $@"(?<factors>(?:{factor})(?:\s*(?:,|and|or|и|или)\s*(?:{factor}))*)";
        _onlyRule = Rule($@"(?:{OnlyFactors})\s+(?:the\s+)?{list}");
        _exceptRule = Rule($@"(?:{ExceptFactors})\s+(?:the\s+)?{list}");
        _factorRule = Rule(factor);
        _changeable = [.. catalog.Values.Where(f => f.Zone != FactorZone.Frozen).Select(f => f.Key).Order(StringComparer.Ordinal)];
    }

    public GoalParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var work = text.ToLowerInvariant().Replace('ё', 'е').ToCharArray();
        var language = text.Any(c => c is >= '\u0400' and <= '\u04FF') ? GoalLanguage.Russian : GoalLanguage.English;
        var problems = new List<string>();

        var deployment = Take(work, DeploymentRule).Select(m => m.Groups["id"].Value).LastOrDefault() ?? GoalDefaults.Deployment;
        var budget = Take(work, BudgetRule).Aggregate(GoalDefaults.Budget, (b, m) => WithItem(b, m));
        var only = Take(work, _onlyRule).SelectMany(m => Factors(m.Groups["factors"].Value)).Distinct().ToList();
        var except = Take(work, _exceptRule).SelectMany(m => Factors(m.Groups["factors"].Value)).ToHashSet();
        var objectives = Take(work, ObjectiveRule).Select(m => Objective(m, problems)).ToList();
        var guards = new List<GuardMetric>();
        foreach (var match in Take(work, NoLossRule))
            guards.AddRange(Metrics(match.Groups["metrics"].Value).Select(m => Guard(m, GoalDefaults.NoLossRelativeDegradation, null)));
        foreach (var match in Take(work, BoundRule))
            guards.Add(Bound(match, problems));
        foreach (var match in Take(work, UntouchedRule))
            guards.AddRange(Metrics(match.Groups["metrics"].Value).Select(m => Guard(m, GoalDefaults.UntouchedRelativeDegradation, null)));

        var unplaced = Word.Matches(new string(work)).Select(w => (w.Index, Text: w.Value.Trim('.', '\'', '’', '-')))
            .Where(w => w.Text.Length > 0 && !Fillers.Contains(w.Text)).Select(w => text.Substring(w.Index, w.Text.Length)).ToList();
        if (unplaced.Count > 0 || problems.Count > 0)
            return new GoalParse(null, unplaced, problems);

        var allowed = only.Count > 0 ? [.. only.Where(f => !except.Contains(f))]
            : except.Any(_changeable.Contains) ? _changeable.Where(f => !except.Contains(f)).ToList() : new List<string>();
        return new GoalParse(new FormalGoal(deployment, objectives, guards, allowed, budget, language), [], []);
    }

    /// <summary>Every match of a rule, left to right; its characters are taken so that no later rule reads them again.</summary>
    private static List<Match> Take(char[] work, Regex rule)
    {
        var matches = rule.Matches(new string(work)).ToList();
        foreach (var match in matches)
            Array.Fill(work, Taken, match.Index, match.Length);
        return matches;
    }

    private GoalObjective Objective(Match match, List<string> problems)
    {
        var metric = MetricName(match.Groups["metric"].Value);
        var verb = match.Groups["verb"].Value;
        var registered = MetricRegistry.TryGet(metric, out var definition) ? definition.Direction : MetricDirection.HigherIsBetter;
        var direction = Regex.IsMatch(verb, $"^(?:{RaiseVerbs})$", RegexOptions.None, Timeout) ? MetricDirection.HigherIsBetter
            : Regex.IsMatch(verb, $"^(?:{ReduceVerbs})$", RegexOptions.None, Timeout) ? MetricDirection.LowerIsBetter
            : registered;
        var segment = new[] { match.Groups["seg1"], match.Groups["seg2"] }.Where(g => g.Success).Select(g => SegmentName(g.Value)).LastOrDefault();
        return new GoalObjective(metric, direction, Value(match, metric, problems), string.IsNullOrEmpty(segment) ? null : segment);
    }

    private static GuardMetric Bound(Match match, List<string> problems)
    {
        var metric = MetricName(match.Groups["metric"].Value);
        var direction = MetricRegistry.TryGet(metric, out var definition) ? definition.Direction : MetricDirection.LowerIsBetter;
        if (match.Groups["most"].Success && direction == MetricDirection.HigherIsBetter
            || match.Groups["least"].Success && direction == MetricDirection.LowerIsBetter)
            problems.Add($"'{match.Value.Trim()}': '{metric}' improves when {(direction == MetricDirection.HigherIsBetter ? "higher" : "lower")}, " +
                $"so its guard is {(direction == MetricDirection.HigherIsBetter ? "a lower bound ('above', 'at least')" : "an upper bound ('under', 'at most')")}.");
        return new GuardMetric(metric, direction, null, null, Value(match, metric, problems));
    }

    private static GuardMetric Guard(string metric, double? relative, double? bound) =>
        new(metric, MetricRegistry.TryGet(metric, out var definition) ? definition.Direction : MetricDirection.LowerIsBetter, relative, null, bound);

    /// <summary>The number in the metric's unit: a percentage is a fraction of a ratio, seconds become milliseconds.</summary>
    private static double? Value(Match match, string metric, List<string> problems)
    {
        if (!match.Groups["num"].Success)
            return null;
        var number = double.Parse(match.Groups["num"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;
        var kind = MetricRegistry.TryGet(metric, out var definition) ? definition.Unit : null;
        var given = unit switch
        {
            "%" => "%",
            "ms" or "мс" => "ms",
            _ when unit.StartsWith("mil", StringComparison.Ordinal) || unit.StartsWith("мил", StringComparison.Ordinal) => "ms",
            "s" or "sec" or "с" => "s",
            _ when unit.StartsWith("second", StringComparison.Ordinal) || unit.StartsWith("сек", StringComparison.Ordinal) => "s",
            "" when !match.Value.Contains('$', StringComparison.Ordinal) => "",
            _ => "USD",
        };
        double? value = (given, kind) switch
        {
            (_, null) or ("", _) => number,
            ("%", "ratio") => number / 100,
            ("ms", "ms") or ("USD", "USD") => number,
            ("s", "ms") => number * 1000,
            _ => null,
        };
        var fits = value is not null;
        if (!fits)
            problems.Add($"'{match.Value.Trim()}': {number.ToString(CultureInfo.InvariantCulture)}{unit} does not fit '{metric}', measured in {kind}.");
        return value;
    }

    private static GoalBudget WithItem(GoalBudget budget, Match match)
    {
        var n = int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        return match.Groups["unit"].Value switch
        {
            var u when u.StartsWith("experiment", StringComparison.Ordinal) || u.StartsWith("эксперимент", StringComparison.Ordinal) => budget with { Experiments = n },
            var u when u.Contains("dialog", StringComparison.Ordinal) || u.Contains("диалог", StringComparison.Ordinal) => budget with { SimulatedDialogs = n },
            var u when u is "h" || u.StartsWith("hour", StringComparison.Ordinal) || u.StartsWith("час", StringComparison.Ordinal) =>
                budget with { WallTimeMinutes = n > int.MaxValue / 60 ? int.MaxValue : n * 60 },
            _ => budget with { WallTimeMinutes = n },
        };
    }

    private static IEnumerable<string> Metrics(string list) => MetricRule.Matches(list).Select(m => MetricName(m.Value));

    private static string MetricName(string phrase)
    {
        foreach (var (rule, meaning) in MetricPhrases)
        {
            if (rule.Match(phrase) is { Success: true } match)
                return meaning.Replace("{k}", match.Groups["k"].Value, StringComparison.Ordinal).Replace("{name}", phrase, StringComparison.Ordinal);
        }
        return phrase;
    }

    private static string SegmentName(string phrase)
    {
        foreach (var (rule, meaning) in SegmentPhrases)
        {
            if (rule.Match(phrase) is { Success: true } match)
                return Regex.Replace(meaning, @"\{(\w+)\}", m => match.Groups[m.Groups[1].Value].Value.Replace(' ', '-'), RegexOptions.None, Timeout);
        }
        return phrase;
    }

    private IEnumerable<string> Factors(string list) =>
        _factorRule.Matches(list).Select(m => _factorNames.FirstOrDefault(n => n.Rule.IsMatch(m.Value)).Key ?? m.Value);

    private static Regex Exact(string name) => new($"^{Regex.Escape(name)}$", RegexOptions.CultureInvariant, Timeout);

    private static Regex Rule(string pattern) => new($"{Start}(?:{pattern}){End}", RegexOptions.CultureInvariant, Timeout);
}
