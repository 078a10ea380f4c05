using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library;

/// <summary>
/// The library and how it was made: <see cref="Rejected"/> counts every attempt the author got wrong, <see cref="Skipped"/>
/// names the briefs that failed every attempt, and <see cref="Errors"/> says why, one error per rejected attempt.
/// </summary>
public sealed record LibraryBuild(ScenarioSet Set, int Rejected, IReadOnlyList<string> Skipped, IReadOnlyList<ScenarioError> Errors);

public static partial class ScenarioLibrary
{
    public const int DefaultCount = 36;

    /// <summary>
    /// Asks the author for every brief and keeps what passes <see cref="ScenarioValidator"/>; a rejected attempt is
    /// retried with another seed derived from the brief's, up to <paramref name="maxAttempts"/> times.
    /// Reports the number of briefs done to <paramref name="progress"/>.
    /// </summary>
    public static async Task<LibraryBuild> BuildAsync(
        IScenarioAuthor author, int seed, int count = DefaultCount, int maxAttempts = 3, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        var scenarios = new List<Scenario>();
        var skipped = new List<string>();
        var errors = new List<ScenarioError>();
        var rejected = 0;
        var briefs = Briefs(seed, count);
        foreach (var brief in briefs)
        {
            Scenario? accepted = null;
            for (var attempt = 0; attempt < maxAttempts && accepted is null; attempt++)
            {
                var tried = attempt == 0 ? brief : brief with { Seed = StableSeed.Derive(brief.Seed, attempt) };
                var (scenario, error) = await TryWriteAsync(author, tried, ct);
                if (error is null)
                    accepted = scenario;
                else
                {
                    rejected++;
                    errors.Add(error with { Message = $"scenario '{brief.ScenarioId}', attempt {attempt + 1}: {error.Message}" });
                }
            }
            if (accepted is null)
                skipped.Add(brief.ScenarioId);
            else
                scenarios.Add(accepted);
            progress?.Report(scenarios.Count + skipped.Count);
        }

        var used = scenarios.Select(s => s.PersonaId).ToHashSet(StringComparer.Ordinal);
        var set = new ScenarioSet(ScenarioSet.CurrentFormat, SetName,
            $"Built-in library: {scenarios.Count} scenarios written by {author.Generator} from seed {seed}, " +
            $"{Projects.Count} projects, {used.Count} personas.",
            seed, author.Generator, Personas.Where(p => used.Contains(p.Id)).ToList(), scenarios);
        return new LibraryBuild(set, rejected, skipped, errors);
    }

    private static async Task<(Scenario? Scenario, ScenarioError? Error)> TryWriteAsync(IScenarioAuthor author, ScenarioBrief brief, CancellationToken ct)
    {
        Scenario scenario;
        try
        {
            scenario = await author.WriteAsync(brief, ct);
        }
        catch (ScenarioRejectedException e)
        {
            return (null, e.Error);
        }
        if (scenario.Id != brief.ScenarioId)
            return (null, new ScenarioError("$.scenarios[0].id", $"the author wrote '{scenario.Id}' for brief '{brief.ScenarioId}'."));
        return ScenarioValidator.ValidateOne(scenario, brief.Persona, author.Generator) is { } error ? (null, error) : (scenario, null);
    }
}
