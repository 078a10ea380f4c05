namespace SelfLearn.Agents.Emulator.Library;

/// <summary>
/// Derives seeds from seeds with SplitMix64's mixer: the same inputs give the same seed in every process, which
/// string hash codes (randomized per process) and <see cref="Random.Shared"/> cannot promise.
/// </summary>
public static class StableSeed
{
    public static int Derive(int seed, int index)
    {
        var x = ((ulong)(uint)seed << 32) | (uint)index;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & int.MaxValue);
    }
}
