using Spectre.Console;
using Spectre.Console.Rendering;

namespace SelfLearn.Api.Commands;

/// <summary>
/// Spectre assumes 80 columns when its output is not a terminal (a pipe, a file) and wraps longer lines there, cutting
/// table cells and messages apart. Such output has no window to fit: this widens the console to what is about to be
/// written, and gives the console its width back when disposed. A terminal keeps its own width.
/// </summary>
public sealed class PipedWidth : IDisposable
{
    private readonly IAnsiConsole console;
    private readonly int width;

    public PipedWidth(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        this.console = console;
        width = console.Profile.Width;
    }

    public void Fit(int columns)
    {
        if (!console.Profile.Out.IsTerminal && columns > console.Profile.Width)
            console.Profile.Width = columns;
    }

    public void Fit(IRenderable renderable)
    {
        ArgumentNullException.ThrowIfNull(renderable);
        Fit(renderable.Measure(RenderOptions.Create(console), int.MaxValue).Max);
    }

    public void Fit(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Fit(lines.Select(l => l.Length).DefaultIfEmpty(0).Max());
    }

    public void Dispose() => console.Profile.Width = width;
}
