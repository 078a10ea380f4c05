using System.Text.Json;
using SelfLearn.Domain.Json;

namespace SelfLearn.Api.Edge;

public static class BindingProblem
{
    /// <summary>Why a body that passed the JSON check does not bind to the endpoint's request type, in JSON words.</summary>
    public static BodyProblem Describe(JsonException error, ReadOnlyMemory<byte> body, Type bodyType, JsonSerializerOptions options)
    {
        var path = error.Path ?? "$";
        using var document = JsonDocument.Parse(body);
        return new(path, $"'{path}' {JsonReadErrors.Describe(error, bodyType, options, document.RootElement)}");
    }
}
