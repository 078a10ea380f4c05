using Alba;
using Microsoft.AspNetCore.Hosting;
using SelfLearn.Api.Hosting;

namespace SelfLearn.Api.Tests.Infrastructure;

/// <summary>
/// An app host on a PostgreSQL server of its own, for tests that break the database or leave state behind that the
/// shared <see cref="AppFixture"/> host must not see.
/// </summary>
public sealed class ThrowAwayApp() : IsolatedApp(null);

/// <summary>An app host on a PostgreSQL server of its own, with settings on top of <see cref="TestSettings"/>.</summary>
public abstract class IsolatedApp(IReadOnlyDictionary<string, string>? settings) : IAsyncLifetime
{
    private readonly EmbeddedPostgres _postgres = EmbeddedPostgres.StartThrowAway("selflearn_own_app");

    public IAlbaHost Host { get; private set; } = null!;

    public int DatabasePort => _postgres.Port;

    public virtual async ValueTask InitializeAsync() =>
        Host = await AlbaHost.For<Program>(builder =>
        {
            TestSettings.Apply(builder, _postgres.ConnectionString);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                builder.UseSetting(key, value);
        });

    /// <summary>Stops the server for good (its data folder is deleted); the host stays up.</summary>
    public void StopDatabase() => _postgres.Stop();

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
            await Host.DisposeAsync();
        _postgres.Dispose();
        GC.SuppressFinalize(this);
    }
}
