namespace SelfLearn.Web.Shared.Charts;

/// <summary>Maps a data range onto a pixel range for the SVG charts; a flat range is widened so nothing divides by zero.</summary>
public sealed record LinearScale(double DataMin, double DataMax, double PixelMin, double PixelMax)
{
    public static LinearScale Of(IEnumerable<double> values, double pixelMin, double pixelMax, double padding = 0.05)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var (min, max) = finite.Count == 0 ? (0d, 1d) : (finite.Min(), finite.Max());
        if (max - min < 1e-12)
            (min, max) = (min - 0.5, max + 0.5);
        var pad = (max - min) * padding;
        return new LinearScale(min - pad, max + pad, pixelMin, pixelMax);
    }

    public double this[double value] => PixelMin + (value - DataMin) / (DataMax - DataMin) * (PixelMax - PixelMin);

    /// <summary>About <paramref name="count"/> round tick values inside the data range.</summary>
    public IReadOnlyList<double> Ticks(int count = 5)
    {
        var raw = (DataMax - DataMin) / Math.Max(1, count);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1d, 2d, 5d, 10d }.Select(m => m * magnitude).First(s => s >= raw);
        var first = Math.Ceiling(DataMin / step) * step;
        return Enumerable.Range(0, (int)Math.Floor((DataMax - first) / step) + 1).Select(i => Math.Round(first + i * step, 10)).ToList();
    }
}
