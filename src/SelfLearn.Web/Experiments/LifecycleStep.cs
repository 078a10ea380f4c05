namespace SelfLearn.Web.Experiments;

/// <summary>A lifecycle step a person asked for: the route's last segment (start, stop, complete, abort) and their reason.</summary>
public sealed record LifecycleStep(string Route, string? Reason);
