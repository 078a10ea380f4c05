namespace SelfLearn.Agents.Teacher.Search.Recording;

/// <summary>A recorded search failed after its start; its stream ends with <c>SearchAbandoned</c> and keeps the trials it had.</summary>
public sealed class SearchAbandonedException(string searchId, string reason, Exception inner)
    : Exception($"search {searchId} was abandoned ({reason}); its trials so far are recorded (GET /api/searches/{searchId}).", inner)
{
    public string SearchId { get; } = searchId;
}
