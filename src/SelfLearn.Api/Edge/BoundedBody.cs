namespace SelfLearn.Api.Edge;

/// <summary>Reads a request body into memory, giving up as soon as it exceeds the limit.</summary>
internal static class BoundedBody
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and var length && length <= limit ? (int)length : 0);
        var chunk = new byte[Math.Min(64 * 1024, limit + 1)];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
