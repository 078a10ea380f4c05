namespace SelfLearn.Agents.Teacher.Search;

/// <summary>A search request that cannot run (unknown objective or factor, a space outside the catalog, a bad budget or fold count); nothing was evaluated.</summary>
public sealed class SearchRefusedException : Exception
{
    public SearchRefusedException(string message) : base(message) { }

    public SearchRefusedException() { }

    public SearchRefusedException(string message, Exception innerException) : base(message, innerException) { }
}
