namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// What to search, as the <c>search</c> command takes it.
/// </summary>
/// <param name="Objective">A registry metric the evaluator computes offline, or its short form (<c>recall@10</c>).</param>
/// <param name="Strategy"><c>grid</c>, <c>random</c> or <c>model</c> (TPE).</param>
/// <param name="Budget">Full-fidelity-equivalent evaluations per fold: a trial on a subset of the fold's training conversations costs its share of their questions.</param>
/// <param name="Seed">Seeds every draw; the same seed and data give the same trace.</param>
/// <param name="Space"><c>key1,key2</c> and <c>key=min:max</c> specs; empty for every auto-zone factor the evaluator reads.</param>
/// <param name="Constraints"><c>metric&lt;=N</c> / <c>metric&gt;=N</c> that a feasible configuration keeps.</param>
/// <param name="Folds">Cross-validation folds over conversations; null for one per conversation (leave one out).</param>
/// <param name="Conversations">The conversations to use; null or empty for all of them.</param>
/// <param name="Halving">Successive halving over conversation subsets; off, every trial is scored on all training conversations.</param>
public sealed record SearchRequest(
    string Objective,
    string Strategy = Strategies.SearchStrategies.Model,
    int Budget = 60,
    long Seed = 1,
    IReadOnlyList<string>? Space = null,
    IReadOnlyList<string>? Constraints = null,
    int? Folds = null,
    IReadOnlyList<string>? Conversations = null,
    bool Halving = true);
