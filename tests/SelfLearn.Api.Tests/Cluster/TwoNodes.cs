using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Cluster;

/// <summary>
/// Two app hosts on one PostgreSQL database, as two nodes would run: each with its own memory index cache and catalog
/// cache. The second node loads memories through <see cref="HeldMemories"/>, so a test can hold one of its loads.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly EmbeddedPostgres _postgres = EmbeddedPostgres.StartThrowAway("selflearn_two_nodes");

    public IAlbaHost A { get; private set; } = null!;

    public IAlbaHost B { get; private set; } = null!;

    public HeldMemories BLoads { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        A = await StartAsync(held: false);
        B = await StartAsync(held: true);
    }

    private Task<IAlbaHost> StartAsync(bool held) => AlbaHost.For<Program>(builder =>
    {
        TestSettings.Apply(builder, _postgres.ConnectionString);
        builder.UseSetting("RateLimiting:Enabled", "false");
        if (held)
            builder.ConfigureServices(services => services.AddSingleton<IMemorySource>(sp =>
                BLoads = new HeldMemories(new StoredMemories(sp.GetRequiredService<IDocumentStore>()))));
    });

    public async ValueTask DisposeAsync()
    {
        if (B is not null)
            await B.DisposeAsync();
        if (A is not null)
            await A.DisposeAsync();
        _postgres.Dispose();
    }
}

/// <summary>The stored memories; once <see cref="HoldNext"/> is called, the next load waits after reading its rows until released.</summary>
public sealed class HeldMemories(IMemorySource inner) : IMemorySource
{
    private Hold? _next;
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public Hold HoldNext() => _next = new Hold();

    public async Task<IReadOnlyList<MemoryEntry>> LoadAsync(string deploymentId, string userId, CancellationToken ct)
    {
        Interlocked.Increment(ref _loads);
        var loaded = await inner.LoadAsync(deploymentId, userId, ct);
        if (Interlocked.Exchange(ref _next, null) is { } hold)
        {
            hold.RowsRead.SetResult();
            await hold.Release.Task;
        }
        return loaded;
    }

    public sealed class Hold
    {
        public TaskCompletionSource RowsRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
