using SelfLearn.Agents.Teacher.Calibration;

namespace SelfLearn.Agents.Tests.Teacher.Calibration;

/// <summary>Cohen's kappa and accuracy against published worked examples and one matrix computed by hand.</summary>
public sealed class ConfusionMatrixTests
{
    /// <summary>
    /// Wikipedia, "Cohen's kappa", section "Simple example" (50 grant proposals read by readers A and B):
    /// p_o = 0.70, p_e = 0.50, κ = 0.40. https://en.wikipedia.org/wiki/Cohen%27s_kappa#Simple_example
    /// </summary>
    [Fact]
    public void The_grant_proposal_example_has_kappa_0_4()
    {
        var matrix = ConfusionMatrix.Of(new long[,] { { 20, 5 }, { 10, 15 } });

        Assert.Equal(50, matrix.Total);
        Assert.Equal(0.70, matrix.Accuracy, 12);
        Assert.Equal(0.40, matrix.Kappa!.Value, 12);
    }

    /// <summary>
    /// P. Bonnardel, "The Kappa coefficient: the case of two raters" (kappa.exe documentation), three diagnostic
    /// categories, 100 subjects: P_o = 0.770, P_e = 0.336, K = 0.654. http://kappa.perso.worldonline.fr/kappa.txt
    /// </summary>
    [Fact]
    public void The_three_category_diagnosis_example_has_kappa_0_654()
    {
        var matrix = ConfusionMatrix.Of(new long[,] { { 25, 3, 5 }, { 6, 32, 8 }, { 1, 0, 20 } });

        Assert.Equal(0.770, matrix.Accuracy, 12);
        Assert.Equal(0.654, matrix.Kappa!.Value, 3);
    }

    /// <summary>
    /// By hand: N = 12, agreement 8 so p_o = 96/144; rows 5, 5, 2 and columns 6, 3, 3 so p_e = (30 + 15 + 6)/144 = 51/144;
    /// κ = (96 − 51)/(144 − 51) = 45/93 = 15/31.
    /// </summary>
    [Fact]
    public void A_matrix_built_label_by_label_has_the_kappa_computed_by_hand()
    {
        var matrix = new ConfusionMatrix(3);
        foreach (var (expected, actual, count) in new[] { (0, 0, 4), (0, 1, 1), (1, 0, 2), (1, 1, 2), (1, 2, 1), (2, 2, 2) })
            for (var i = 0; i < count; i++)
                matrix.Add(expected, actual);

        Assert.Equal(12, matrix.Total);
        Assert.Equal([[4L, 1, 0], [2, 2, 1], [0, 0, 2]], matrix.Rows);
        Assert.Equal(8.0 / 12, matrix.Accuracy, 12);
        Assert.Equal(15.0 / 31, matrix.Kappa!.Value, 12);
    }

    [Fact]
    public void Kappa_is_undefined_when_both_raters_only_ever_use_one_label()
    {
        var matrix = ConfusionMatrix.Of(new long[,] { { 9, 0 }, { 0, 0 } });

        Assert.Equal(1.0, matrix.Accuracy);
        Assert.Null(matrix.Kappa);
        Assert.Null(new ConfusionMatrix(3).Kappa);
    }

    [Fact]
    public void Agreement_no_better_than_chance_has_kappa_0() =>
        Assert.Equal(0.0, ConfusionMatrix.Of(new long[,] { { 25, 25 }, { 25, 25 } }).Kappa!.Value, 12);
}
