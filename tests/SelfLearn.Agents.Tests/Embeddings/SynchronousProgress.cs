namespace SelfLearn.Agents.Tests.Embeddings;

/// <summary>Unlike <see cref="Progress{T}"/>, reports on the calling thread, so a test sees every report before Embed returns.</summary>
internal sealed class SynchronousProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
