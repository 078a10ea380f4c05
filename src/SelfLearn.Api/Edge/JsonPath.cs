using System.Text;
using System.Text.RegularExpressions;

namespace SelfLearn.Api.Edge;

/// <summary>The JSONPath of the token a reader stands on (<c>$.items[2].text</c>), kept as the reader moves.</summary>
internal sealed partial class JsonPath
{
    private readonly List<Level> _levels = [];

    /// <summary>A value starts: inside an array it is the next element.</summary>
    public void Value()
    {
        if (_levels.Count > 0 && _levels[^1].IsArray)
            _levels[^1].Index++;
    }

    public void Enter(bool isArray) => _levels.Add(new Level(isArray));

    public void Leave() => _levels.RemoveAt(_levels.Count - 1);

    public void Property(string name) => _levels[^1].Name = name;

    /// <summary>The path of the value the reader is on.</summary>
    public string Current => Render(includeInnermostName: true);

    /// <summary>The path of the object the reader is in, for a problem with one of its property names.</summary>
    public string Container => Render(includeInnermostName: false);

    private string Render(bool includeInnermostName)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < _levels.Count; i++)
        {
            var level = _levels[i];
            if (level.IsArray)
                path.Append('[').Append(level.Index).Append(']');
            else if (level.Name is { } name && (includeInnermostName || i < _levels.Count - 1))
                path.Append(PlainName().IsMatch(name) ? $".{name}" : $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']");
        }
        return path.ToString();
    }

    private sealed class Level(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Name { get; set; }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
