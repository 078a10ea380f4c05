namespace SelfLearn.Web.Api;

/// <summary>The API refused a request; the message is its problem text, shown to the person as it is.</summary>
public sealed class ApiProblem(int status, string title, string? detail)
    : Exception(string.IsNullOrWhiteSpace(detail) ? title : $"{title}: {detail}")
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
}
