namespace SelfLearn.Web.Manager;

/// <summary>The colour a lifecycle status reads in, the same on every page.</summary>
public static class Statuses
{
    public static MudBlazor.Color Colour(string? status) => status switch
    {
        "running" or "started" or "active" or "pending" or "waitingForApproval" or "awaitingApproval" => MudBlazor.Color.Info,
        "completed" or "approved" or "succeeded" or "confirmed" or "activated" => MudBlazor.Color.Success,
        "failed" or "declined" or "stopped" or "aborted" or "abandoned" or "rolledBack" => MudBlazor.Color.Error,
        "paused" => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };
}
