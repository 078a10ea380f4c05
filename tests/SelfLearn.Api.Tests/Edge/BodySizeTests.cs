using System.Net;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Edge;

/// <summary>Every route answers an oversize body with the same 413 ProblemDetails, whether the size is announced or not.</summary>
public sealed class BodySizeTests(AppFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("/api/datasets", 64 * 1024 * 1024, "67,108,864")]
    [InlineData("/maas/v1/memories", 30_000_000, "30,000,000")]
    [InlineData("/api/impact-factors", 1024 * 1024, "1,048,576")]
    public async Task An_announced_body_over_the_route_limit_is_a_413(string route, long limit, string shown) =>
        Assert.Equal($"This route takes a body of at most {shown} bytes.",
            (await Host.Refused(HttpMethod.Post, route, new FillerContent(limit + 1, announceLength: true), 413)).Detail());

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_too() =>
        Assert.Equal("This route takes a body of at most 1,048,576 bytes.",
            (await Host.Refused(HttpMethod.Post, "/api/deployments", new FillerContent(1024 * 1024 + 1, announceLength: false), 413)).Detail());

    /// <summary>A JSON object padded with spaces to an exact size, written lazily so a refused body is never built in memory.</summary>
    private sealed class FillerContent : HttpContent
    {
        private readonly long _length;
        private readonly bool _announceLength;

        public FillerContent(long length, bool announceLength)
        {
            _length = length;
            _announceLength = announceLength;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            await stream.WriteAsync("{"u8.ToArray());
            for (var left = _length - 2; left > 0; left -= chunk.Length)
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
            await stream.WriteAsync("}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return _announceLength;
        }
    }
}
