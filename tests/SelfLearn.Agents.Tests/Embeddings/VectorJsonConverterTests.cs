using System.Text.Json;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Agents.Tests.Embeddings;

public sealed class VectorJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new VectorJsonConverter() } };

    [Fact]
    public void A_vector_round_trips_exactly_as_one_base64_string()
    {
        float[] vector = [0.1f, -2.5f, float.Epsilon, 1e-7f, 3.4028235e38f];
        var json = JsonSerializer.Serialize(vector, Options);
        Assert.StartsWith("\"", json, StringComparison.Ordinal);
        Assert.Equal(vector, JsonSerializer.Deserialize<float[]>(json, Options));
    }

    [Fact]
    public void Vectors_stored_as_number_arrays_still_read()
    {
        Assert.Equal([0.5f, -1f, 2.25f], JsonSerializer.Deserialize<float[]>("[0.5,-1,2.25]", Options)!);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<float[]>("{}", Options));
    }
}
