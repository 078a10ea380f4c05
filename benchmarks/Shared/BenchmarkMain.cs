namespace SelfLearn.Benchmarks.Shared;

/// <summary>What every benchmark program does first: read its options (exit 2 with the message when they are wrong) and turn Ctrl+C into a token.</summary>
internal static class BenchmarkMain
{
    public static async Task<int> RunAsync<TOptions>(string[] args, Func<string[], TOptions> parse, Func<TOptions, CancellationToken, Task<int>> run)
    {
        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await run(options, cancel.Token);
    }
}
