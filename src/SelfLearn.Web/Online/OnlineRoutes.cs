using System.Globalization;

namespace SelfLearn.Web.Online;

/// <summary>The API routes the online page reads, and the raw route behind each window's figures (no page shows them one by one).</summary>
public static class OnlineRoutes
{
    public const int Page = 1000;

    public static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    public static string Windows(string deployment, DateTimeOffset from, DateTimeOffset to) =>
        $"api/deployments/{Uri.EscapeDataString(deployment)}/online/windows?from={Instant(from)}&to={Instant(to)}&limit={Page}";

    public static string Window(string deployment, string metric, DateTimeOffset start, int seconds) =>
        $"/raw/api/deployments/{Uri.EscapeDataString(deployment)}/online/windows?from={Instant(start)}&to={Instant(start.AddSeconds(seconds))}&metric={Uri.EscapeDataString(metric)}";

    public static string Rules(string deployment) => $"api/deployments/{Uri.EscapeDataString(deployment)}/rules";

    public static string Rule(string deployment, string name) => $"{Rules(deployment)}/{Uri.EscapeDataString(name)}";

    public static string Events(string deployment, long fromVersion = 1) =>
        $"api/deployments/{Uri.EscapeDataString(deployment)}/events?fromVersion={fromVersion}&limit={Page}";

    /// <summary>One event of the deployment's stream, by its version there.</summary>
    public static string Event(string deployment, long version) => $"/raw/api/deployments/{Uri.EscapeDataString(deployment)}/events?fromVersion={version}&limit=1";

    public static string Validity(string deployment) => $"api/online/validity?deploymentId={Uri.EscapeDataString(deployment)}";

    public static string QuestionMix(string deployment, string dataset, DateTimeOffset from, DateTimeOffset to) =>
        $"api/deployments/{Uri.EscapeDataString(deployment)}/online/question-mix?dataset={Uri.EscapeDataString(dataset)}&from={Instant(from)}&to={Instant(to)}";
}
