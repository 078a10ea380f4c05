namespace SelfLearn.Agents.Locomo;

/// <summary>The question categories as numbered in the dataset.</summary>
public static class LocomoCategory
{
    public const int MultiHop = 1;
    public const int Temporal = 2;
    public const int OpenDomain = 3;
    public const int SingleHop = 4;
    public const int Adversarial = 5;
}
