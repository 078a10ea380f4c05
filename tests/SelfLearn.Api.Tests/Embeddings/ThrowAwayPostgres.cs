using Npgsql;
using SelfLearn.Api.Hosting;

namespace SelfLearn.Api.Tests.Embeddings;

/// <summary>A server of its own: these tests need plain SQL, not the app host that <c>AppFixture</c> boots.</summary>
public sealed class ThrowAwayPostgres : IDisposable
{
    private readonly EmbeddedPostgres _server = EmbeddedPostgres.StartThrowAway("embedding_cache_tests");

    public ThrowAwayPostgres() => DataSource = NpgsqlDataSource.Create(_server.ConnectionString);

    public NpgsqlDataSource DataSource { get; }

    public void Dispose()
    {
        DataSource.Dispose();
        _server.Dispose();
    }
}
