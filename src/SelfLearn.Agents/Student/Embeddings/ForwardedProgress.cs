namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>Reports an inner count shifted by the items already done, synchronously (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ForwardedProgress(IProgress<int> target, int alreadyDone) : IProgress<int>
{
    public void Report(int value) => target.Report(alreadyDone + value);
}
