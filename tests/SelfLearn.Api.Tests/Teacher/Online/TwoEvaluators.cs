using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Online;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>
/// Two app hosts on one PostgreSQL database, as two app processes would run: 1-second windows, the schedule off (the
/// tests evaluate through the route), and one <see cref="HeldGate"/> shared by both so a test can hold their evaluations.
/// </summary>
public sealed class TwoEvaluators : IAsyncLifetime
{
    private readonly EmbeddedPostgres _postgres = EmbeddedPostgres.StartThrowAway("selflearn_two_evaluators");

    public HeldGate Gate { get; } = new();

    public IAlbaHost First { get; private set; } = null!;

    public IAlbaHost Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        First = await StartAsync();
        Second = await StartAsync();
    }

    private Task<IAlbaHost> StartAsync() => AlbaHost.For<Program>(builder =>
    {
        TestSettings.Apply(builder, _postgres.ConnectionString);
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Online:WindowSeconds", "1");
        builder.UseSetting("Online:EvaluateSeconds", "0");
        builder.ConfigureServices(services => services.AddSingleton<IDegradationGate>(Gate));
    });

    public async ValueTask DisposeAsync()
    {
        if (Second is not null)
            await Second.DisposeAsync();
        if (First is not null)
            await First.DisposeAsync();
        _postgres.Dispose();
    }
}

/// <summary>Open unless a test sets <see cref="Barrier"/>: then every evaluation waits there for the others before it writes.</summary>
public sealed class HeldGate : IDegradationGate
{
    public Barrier? Barrier { get; set; }

    public ValueTask BeforeActingAsync(string deploymentId, CancellationToken ct)
    {
        if (Barrier is { } barrier && !barrier.SignalAndWait(TimeSpan.FromSeconds(30), ct))
            throw new TimeoutException("the other evaluator never reached the gate.");
        return ValueTask.CompletedTask;
    }
}
