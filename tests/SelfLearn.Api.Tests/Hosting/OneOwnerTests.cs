using System.Globalization;
using System.Net;
using Npgsql;
using SelfLearn.Api.Hosting;

namespace SelfLearn.Api.Tests.Hosting;

/// <summary>The local PostgreSQL of a data folder belongs to the process that started it (issue 8, item 5).</summary>
public sealed class OneOwnerTests
{
    [Fact]
    public async Task A_command_run_while_the_app_is_up_uses_its_server_and_only_an_ownerless_server_is_restarted()
    {
        using var folder = new TemporaryDataFolder();
        var appPort = TemporaryDataFolder.FreeLoopbackPort();
        using var app = AppProcess.Start(folder.AppSettings(appPort));
        await app.WaitUntilAnswersAsync($"http://127.0.0.1:{appPort}/health");
        var appServer = folder.ServerProcessId();
        Assert.NotNull(appServer);

        var (listed, command) = await AppProcess.RunAsync(folder.AppSettings(TemporaryDataFolder.FreeLoopbackPort()), "projections", "list");
        using (command)
        {
            Assert.True(listed == 0, command.Output + command.Errors);
            Assert.Contains($"Using the running PostgreSQL server on 127.0.0.1:{folder.Port}, owned by another process", command.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("restarting it", command.Output, StringComparison.Ordinal);
        }

        Assert.Equal(appServer, folder.ServerProcessId()); // the same server process, not a restarted one
        Assert.Equal(1, await folder.SelectOneAsync());
        using (var http = new HttpClient())
        using (var health = await http.GetAsync(new Uri($"http://127.0.0.1:{appPort}/health")))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        app.Kill(); // the owner is gone; its server is left behind, as after a crash
        Assert.Equal(1, await folder.SelectOneAsync());

        var (again, next) = await AppProcess.RunAsync(folder.AppSettings(TemporaryDataFolder.FreeLoopbackPort()), "projections", "list");
        using (next)
        {
            Assert.True(again == 0, next.Output + next.Errors);
            Assert.Contains("A PostgreSQL server whose owner has gone still uses this data folder; restarting it", next.Output, StringComparison.Ordinal);
            Assert.Contains($"Stopping PostgreSQL on port {folder.Port.ToString(CultureInfo.InvariantCulture)}", next.Output, StringComparison.Ordinal);
        }

        Assert.Null(folder.ServerProcessId()); // the new owner stopped the server it started
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => folder.SelectOneAsync());
    }

    [Fact]
    public void A_second_start_on_a_live_owners_folder_uses_its_server_and_leaves_it_running()
    {
        using var folder = new TemporaryDataFolder();
        using var owner = EmbeddedPostgres.Start(folder.Options());
        var guestOptions = folder.Options();
        guestOptions.Port = TemporaryDataFolder.FreeLoopbackPort(); // the running server's port wins over the configured one

        var guest = EmbeddedPostgres.Start(guestOptions);
        Assert.False(guest.OwnsServer);
        Assert.True(owner.OwnsServer);
        Assert.Equal(folder.Port, guest.Port);
        Assert.Equal(owner.ConnectionString, guest.ConnectionString);
        var server = folder.ServerProcessId();
        guest.Dispose();

        Assert.Equal(server, folder.ServerProcessId());
        using (var connection = new NpgsqlConnection(owner.ConnectionString))
            connection.Open();
        owner.Dispose();
        Assert.Null(folder.ServerProcessId());
    }
}
