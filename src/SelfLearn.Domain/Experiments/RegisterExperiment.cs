using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// The Tuner binds each variant to a version of the deployment; versions only exist once the Tuner has
/// validated them, so checking existence is checking validity. The design comes with it (<see cref="DesignRules"/>),
/// hashed, so the experiment starts its life as designed.
/// </summary>
public static partial class RegisterExperiment
{
    public const int MaxVariants = 20;

    public static Decision Decide(
        string experimentId,
        bool exists,
        Deployment? deployment,
        string deploymentId,
        IReadOnlyList<ExperimentVariant> variants,
        Func<int, bool> versionExists,
        AssignmentUnit unit,
        DesignProposal proposal,
        Func<DatasetVersionRef, bool> datasetExists,
        string? description,
        string by)
    {
        if (variants.Count > MaxVariants)
            return Decision.Reject([Invalid("variants", $"an experiment has 2 to {MaxVariants} variants, not {variants.Count}.")]);
        var violations = new List<Violation>();
        if (!OpenDeployment.IdPattern().IsMatch(experimentId))
            violations.Add(Invalid("id", "an experiment id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit."));
        if (deployment is null)
            violations.Add(Invalid("deploymentId", $"no deployment '{deploymentId}'."));
        if (variants.Count < 2)
            violations.Add(Invalid("variants", $"an experiment has 2 to {MaxVariants} variants."));
        foreach (var duplicate in variants.GroupBy(v => v.Name).Where(g => g.Count() > 1))
            violations.Add(Invalid("variants", $"variant name '{duplicate.Key}' is used twice."));
        foreach (var variant in variants.Where(v => !VariantName().IsMatch(v.Name)))
            violations.Add(Invalid("variants", $"variant name '{variant.Name}' must be 1-32 letters, digits, '-' or '_'."));
        if (deployment is not null)
            foreach (var variant in variants.Where(v => !versionExists(v.ConfigVersion)))
                violations.Add(new Violation("variants", ViolationRule.UnknownVersion,
                    $"variant '{variant.Name}': deployment '{deploymentId}' has no version {variant.ConfigVersion}."));
        var (design, designViolations) = DesignRules.Check(variants, unit, proposal, datasetExists);
        violations.AddRange(designViolations);

        if (violations.Count > 0)
            return Decision.Reject(violations);
        if (exists)
            return Decision.Refuse($"experiment '{experimentId}' already exists.");
        return Decision.Accept(new ExperimentRegistered(experimentId, deploymentId, design!.Variants, unit, description, by, design, DesignHash.Of(design)));
    }

    private static Violation Invalid(string key, string message) => new(key, ViolationRule.InvalidDefinition, message);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial System.Text.RegularExpressions.Regex VariantName();
}
