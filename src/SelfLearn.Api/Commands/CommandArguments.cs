namespace SelfLearn.Api.Commands;

/// <summary>"--name value" flags; a flag may repeat (--set a=1 --set b=2).</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _flags = new(StringComparer.Ordinal);

    public CommandArguments(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                if (!_flags.ContainsKey(name)) _flags[name] = [];
            }
            else if (name is null)
                throw new ArgumentException($"unexpected argument '{arg}': flags look like --name value.");
            else
                _flags[name].Add(arg);
        }
    }

    /// <summary>A switch such as --dry-run, given without a value.</summary>
    public bool Present(string name) => _flags.ContainsKey(name);

    public string? Value(string name) => _flags.TryGetValue(name, out var values) ? values.LastOrDefault() : null;

    public IReadOnlyList<string> Values(string name) => _flags.TryGetValue(name, out var values) ? values : [];

    public IReadOnlyList<string> List(string name) =>
        Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public IEnumerable<string> Unknown(IEnumerable<string> known) => _flags.Keys.Except(known, StringComparer.Ordinal);
}
