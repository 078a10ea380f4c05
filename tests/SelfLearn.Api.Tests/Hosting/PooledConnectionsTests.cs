using Npgsql;
using SelfLearn.Api.Hosting;

namespace SelfLearn.Api.Tests.Hosting;

public sealed class PooledConnectionsTests
{
    [Fact]
    public void Statements_run_twice_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(PooledConnections.WithDefaults("Host=db;Username=app;Password=p;Database=selflearn"));
        Assert.Equal((100, 2, "db", "p"), (defaulted.MaxAutoPrepare, defaulted.AutoPrepareMinUsages, defaulted.Host, defaulted.Password));

        var off = new NpgsqlConnectionStringBuilder(PooledConnections.WithDefaults("Host=db;Max Auto Prepare=0"));
        Assert.Equal(0, off.MaxAutoPrepare);
        var compact = new NpgsqlConnectionStringBuilder(PooledConnections.WithDefaults("Host=db;MaxAutoPrepare=7;Auto Prepare Min Usages=5"));
        Assert.Equal((7, 5), (compact.MaxAutoPrepare, compact.AutoPrepareMinUsages));
    }
}
