using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Configuration;

/// <summary>A new deployment starts with the catalog defaults as version 1, active at once.</summary>
public static partial class OpenDeployment
{
    public static Decision Decide(
        string deploymentId,
        bool exists,
        IReadOnlyDictionary<string, ImpactFactor> catalog,
        string reason,
        string by)
    {
        if (!IdPattern().IsMatch(deploymentId))
            return Decision.Reject([new Violation("id", ViolationRule.InvalidDefinition,
                "a deployment id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.")]);
        if (exists)
            return Decision.Refuse($"deployment '{deploymentId}' already exists.");

        var parameters = Catalog.Defaults(catalog);
        var changes = Parameters.Diff(null, parameters);
        return Decision.Accept(
            new ConfigVersionCreated(deploymentId, 1, parameters, null, changes, reason, by, by, ChangeLinks.None),
            new ConfigVersionActivated(deploymentId, 1, null, 1, parameters, changes, reason, by, ChangeLinks.None));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    public static partial System.Text.RegularExpressions.Regex IdPattern();
}
