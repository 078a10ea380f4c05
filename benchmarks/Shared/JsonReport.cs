using System.Text.Encodings.Web;
using System.Text.Json;

namespace SelfLearn.Benchmarks.Shared;

/// <summary>Writes a benchmark's figures as indented JSON (web names, text unescaped), creating the folder first.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync<T>(string path, T value, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, value, Json, ct);
    }
}
