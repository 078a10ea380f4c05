namespace SelfLearn.Agents.Student.Generation;

public static class Tokens
{
    /// <summary>About four characters a token for English text: enough for budgets and cost telemetry.</summary>
    public static int Estimate(string text) => (text.Length + 3) / 4;
}
