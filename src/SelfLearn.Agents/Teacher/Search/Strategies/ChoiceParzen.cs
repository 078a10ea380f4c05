using MathNet.Numerics.Distributions;

namespace SelfLearn.Agents.Teacher.Search.Strategies;

/// <summary>The share of the points on each choice, smoothed by a prior of weight 1 spread evenly over the choices.</summary>
internal sealed class ChoiceParzen : IParzen
{
    private const double PriorWeight = 1;

    private readonly double[] _probabilities;

    public ChoiceParzen(int choices, IEnumerable<double> coordinates)
    {
        var counts = new double[choices];
        foreach (var c in coordinates)
            counts[(int)c]++;
        var total = counts.Sum() + PriorWeight;
        _probabilities = [.. counts.Select(n => (n + PriorWeight / choices) / total)];
    }

    public double Sample(Random random) => Categorical.Sample(random, _probabilities);

    public double LogDensity(double coordinate) => Math.Log(_probabilities[(int)coordinate]);
}
