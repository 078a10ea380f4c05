namespace SelfLearn.Agents.Manager.Goals;

/// <summary>A phrase of the goal grammar (a regular expression over lower-cased text, ё read as е) and what it means.</summary>
internal sealed record Phrase(string Pattern, string Meaning);

/// <summary>
/// The words of the goal grammar in English and Russian (docs/GOALS.md lists them). Metric phrases map to registry
/// names (docs/METRICS.md) and never name a metric of their own; segment phrases map to <c>Segments</c> values.
/// </summary>
internal static class GoalVocabulary
{
    /// <summary>In order: the first phrase that matches a word names its metric. "{k}" is the depth the text gave.</summary>
    public static IReadOnlyList<Phrase> MetricWords { get; } =
    [
        new(@"(?:дол\p{L}*\s+)?галлюцинац\p{L}*|hallucination\s+rate|hallucinations?", "answer.hallucination_rate"),
        new(@"delivered\s+recall", "retrieval.delivered_recall"),
        new(@"(?:retrieval\s+)?recall\s*@\s*(?<k>\d+)", "retrieval.recall@{k}"),
        new(@"(?:retrieval\s+)?hit\s*@\s*(?<k>\d+)", "retrieval.hit@{k}"),
        new(@"(?:retrieval\s+)?ndcg\s*@\s*(?<k>\d+)", "retrieval.ndcg@{k}"),
        new(@"(?:retrieval\s+)?recall|полнот\p{L}*(?:\s+поиска)?", "retrieval.recall@10"),
        new(@"ndcg", "retrieval.ndcg@10"),
        new(@"mrr", "retrieval.mrr"),
        new(@"(?:delivered\s+)?precision|точност\p{L}*(?:\s+поиска)?", "retrieval.delivered_precision"),
        new(@"correctness|accuracy|correct\s+answers|правильност\p{L}*(?:\s+ответов)?|корректност\p{L}*(?:\s+ответов)?", "answer.correctness"),
        new(@"faithfulness|достоверност\p{L}*(?:\s+ответов)?", "answer.faithfulness"),
        new(@"context\s+utili[sz]ation|использовани\p{L}*\s+контекста", "context.utilization"),
        new(@"wrong\s+abstentions?|ложн\p{L}*\s+отказ\p{L}*", "answer.wrong_abstention_rate"),
        new(@"correct\s+abstentions?|верн\p{L}*\s+отказ\p{L}*", "answer.correct_abstention_rate"),
        new(@"abstention\s+rate|abstentions?|отказ\p{L}*(?:\s+от\s+ответа)?", "answer.abstention_rate"),
        new(@"(?:p(?:50|95)\s+)?(?:retrieval|retrieve)\s+latency(?:\s+p(?:50|95))?|(?:p(?:50|95)\s+)?(?:задержк\p{L}*|латентност\p{L}*)\s+поиска(?:\s+p(?:50|95))?",
            "latency.retrieve_ms"),
        new(@"(?:p(?:50|95)\s+)?generation\s+latency(?:\s+p(?:50|95))?|(?:p(?:50|95)\s+)?(?:задержк\p{L}*|латентност\p{L}*)\s+генерации(?:\s+p(?:50|95))?",
            "latency.generate_ms"),
        new(@"(?:p(?:50|95)\s+)?(?:latency|задержк\p{L}*|латентност\p{L}*|время\s+ответа)(?:\s+p(?:50|95))?", "latency.total_ms"),
        new(@"(?:completion|output)\s+tokens|выходн\p{L}*\s+токен\p{L}*", "tokens.out"),
        new(@"(?:prompt|input)\s+tokens|tokens|входн\p{L}*\s+токен\p{L}*|токен\p{L}*", "tokens.in"),
        new(@"(?:token\s+)?costs?|стоимост\p{L}*|затрат\p{L}*", "cost.usd"),
        new(@"error\s+rate|errors?|(?:дол\p{L}*\s+)?ошиб\p{L}*", "error.rate"),
        new(@"[a-z][a-z0-9_]*\.[a-z0-9_@]+", "{name}"),
    ];

    /// <summary>Verbs that open an objective: the way they move the metric (null: the way it improves).</summary>
    public const string RaiseVerbs = @"raise|increase|boost|lift|maximi[sz]e|grow|повы\p{L}*|увелич\p{L}*|подня\p{L}*|подним\p{L}*|максимиз\p{L}*";

    public const string ReduceVerbs = @"reduce|lower|decrease|cut|minimi[sz]e|bring\s+down|сократ\p{L}*|сокращ\p{L}*|сниз\p{L}*|сниж\p{L}*|уменьш\p{L}*|пониз\p{L}*|минимиз\p{L}*";

    public const string ImproveVerbs = @"improve|better|улучш\p{L}*";

    /// <summary>Comparators before a number: an upper limit, a lower limit, or just the value to reach.</summary>
    public const string AtMost = @"no\s+more\s+than|at\s+most|less\s+than|below|under|<=|≤|<|не\s+выше|не\s+более|не\s+больше|ниже|меньше|менее";

    public const string AtLeast = @"no\s+less\s+than|at\s+least|more\s+than|above|over|>=|≥|>|не\s+ниже|не\s+менее|не\s+меньше|выше|больше|более";

    public const string Reach = @"to|до";

    /// <summary>Question kinds as the text names them; the value is the <c>kind:</c> segment.</summary>
    public static IReadOnlyList<Phrase> SegmentWords { get; } =
    [
        new(@"(?:on|for|in|about|over)\s+(?:the\s+)?personal\s+memory|(?:по|в|для)\s+личной\s+памяти", ""),
        new(@"(?:on|for|in|among|across)\s+(?:the\s+)?(?<kind>preference|temporal|multi[-\s]hop|single[-\s]hop|knowledge[-\s]update|open[-\s]domain|unanswerable)\s+questions?",
            "kind:{kind}"),
        new(@"(?:on|for|in|по|на|для)\s+(?:segment\s+|сегменту?\s+)?(?<segment>(?:kind|persona|project):[a-z0-9][a-z0-9_-]*)", "{segment}"),
        new(@"(?:for|on)\s+persona\s+(?<persona>[a-z0-9][a-z0-9_-]*)|(?:для|по)\s+персон\p{L}*\s+(?<persona>[a-z0-9][a-z0-9_-]*)", "persona:{persona}"),
        new(@"(?:in|for|on)\s+project\s+(?<project>[a-z0-9][a-z0-9_-]*)|(?:в|по|для)\s+проект\p{L}*\s+(?<project>[a-z0-9][a-z0-9_-]*)", "project:{project}"),
        new(@"(?:по|на|для)\s+(?:вопрос\p{L}*\s+)?(?:(?:о|об|про)\s+)?предпочтени\p{L}*", "kind:preference"),
        new(@"(?:по|на|для)\s+временн\p{L}*\s+вопрос\p{L}*", "kind:temporal"),
        new(@"(?:по|на|для)\s+многошагов\p{L}*\s+вопрос\p{L}*", "kind:multi-hop"),
        new(@"(?:по|на|для)\s+одношагов\p{L}*\s+вопрос\p{L}*", "kind:single-hop"),
        new(@"(?:по|на|для)\s+вопрос\p{L}*\s+(?:(?:о|об|про)\s+)?обновлени\p{L}*(?:\s+знаний|\s+фактов)?", "kind:knowledge-update"),
        new(@"(?:по|на|для)\s+вопрос\p{L}*\s+(?:на\s+)?общ\p{L}*\s+знани\p{L}*", "kind:open-domain"),
        new(@"(?:по|на|для)\s+(?:вопрос\p{L}*\s+)?без\s+ответа", "kind:unanswerable"),
    ];

    /// <summary>"Without losing recall": the guard lets the metric get at most a little worse.</summary>
    public const string NoLoss =
        @"without\s+(?:losing|hurting|harming|degrading|sacrificing|worsening)|не\s+(?:потеряв|теряя|ухудшив|ухудшая|жертвуя|просадив)|без\s+(?:потери|ухудшения|просадки)";

    /// <summary>"Cost untouched": said after the metrics …</summary>
    public const string UntouchedAfter =
        @"untouched|unchanged|stays?\s+(?:the\s+same|as\s+is)|не\s+трога\p{L}*|не\s+меня\p{L}*|не\s+ухудша\p{L}*|не\s+раст\p{L}*|не\s+должн\p{L}*\s+расти|без\s+изменений";

    /// <summary>… or before them.</summary>
    public const string UntouchedBefore = @"don'?t\s+touch|do\s+not\s+touch|not\s+touching|without\s+touching|не\s+трогая|не\s+трогать|не\s+трогаем";

    /// <summary>Words that open a bound ("while latency stays under 300 ms").</summary>
    public const string BoundOpeners = @"while|with|keeping|keep|при\s+этом|при|пока|сохраняя";

    public const string BoundVerbs = @"stays?|remains?|staying|remaining|is|kept|остается|остаётся|держится|держим|будет";

    /// <summary>"Only change top_k and temperature" / «меняя только top_k».</summary>
    public const string OnlyFactors =
        @"only\s+(?:change|changing|tune|tuning|touch|touching)|(?:change|changing|tune|tuning)\s+only|(?:меня\p{L}*|трога\p{L}*|настраива\p{L}*)\s+только|только";

    public const string ExceptFactors = @"without\s+changing|not\s+changing|без\s+смены|без\s+изменения|не\s+меняя";

    /// <summary>Names of factors besides their keys and the last part of a key ("top_k").</summary>
    public static IReadOnlyList<Phrase> FactorAliases { get; } =
    [
        new(@"(?:the\s+)?system\s+prompt|(?:системн\p{L}*\s+)?промпт\p{L}*", "generation.system_prompt_version"),
        new(@"(?:the\s+)?temperature|температур\p{L}*", "generation.temperature"),
        new(@"(?:the\s+)?model|модел\p{L}*", "generation.model"),
    ];

    public const string Deployment =
        @"(?:on|for|in)\s+(?:the\s+)?deployment\s+(?<id>[a-z0-9][a-z0-9_-]*)|(?:на|в|для)\s+(?:деплойменте?|деплоймента|развертывании|развертывания)\s+(?<id>[a-z0-9][a-z0-9_-]*)";

    /// <summary>A budget item: how many experiments, simulated dialogs, hours or minutes.</summary>
    public const string Budget =
        @"(?:(?:with)?in\s+(?:at\s+most\s+)?|using\s+|at\s+most\s+|no\s+more\s+than\s+|budget(?:\s+of)?:?\s+|max(?:imum)?\s+|за\s+|не\s+более\s+|не\s+больше\s+|в\s+пределах\s+|бюджет\p{L}*:?\s+|максимум\s+)?"
        + @"(?<n>\d+)\s*(?<unit>experiments?|(?:simulated\s+)?dialog(?:ue)?s?|hours?|h|minutes?|mins?|эксперимент\p{L}*|(?:симулированн\p{L}*\s+)?диалог\p{L}*|час\p{L}*|минут\p{L}*|мин)";

    /// <summary>Glue words a goal may contain that carry no meaning of their own.</summary>
    public static IReadOnlySet<string> Fillers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "and", "while", "but", "also", "please", "then", "the", "a", "an", "so", "that", "we", "i", "want", "to", "let's", "lets",
        "и", "а", "но", "при", "этом", "также", "пожалуйста", "хочу", "нужно", "надо", "чтобы", "давай", "давайте",
    };
}
