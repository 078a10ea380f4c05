using System.Diagnostics;
using System.Runtime.Versioning;
using Npgsql;
using SelfLearn.Api.Hosting;

namespace SelfLearn.Api.Tests.Hosting;

/// <summary>The local server asks every connection for its generated superuser password (issue 8, item 5).</summary>
[UnsupportedOSPlatform("windows")] // file modes and runuser: the local server is a Unix feature
public sealed class LocalServerPasswordTests
{
    [Fact]
    public async Task Only_the_stored_password_opens_a_connection_over_tcp_or_the_socket()
    {
        using var folder = new TemporaryDataFolder();
        using var server = EmbeddedPostgres.Start(folder.Options());

        Assert.Equal(1, await folder.SelectOneAsync());
        Assert.Equal(1, await folder.SelectOneAsync(host: folder.RunDirectory));
        var wrong = await Assert.ThrowsAsync<PostgresException>(() => folder.SelectOneAsync(password: "not-the-password"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, wrong.SqlState);
        var wrongOverSocket = await Assert.ThrowsAsync<PostgresException>(() => folder.SelectOneAsync(password: "not-the-password", host: folder.RunDirectory));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, wrongOverSocket.SqlState);
        var none = await Assert.ThrowsAsync<NpgsqlException>(() => folder.SelectOneAsync(password: ""));
        Assert.Contains("No password has been provided", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_file_is_readable_and_writable_by_the_account_running_the_app_only()
    {
        using var folder = new TemporaryDataFolder();
        using var server = EmbeddedPostgres.Start(folder.Options());

        Assert.Equal(folder.PasswordFile, server.PasswordFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(server.PasswordFile));
        Assert.Equal(Environment.UserName, await FileOwnerAsync(server.PasswordFile));
        var password = new NpgsqlConnectionStringBuilder(server.ConnectionString).Password;
        Assert.Equal(password, (await File.ReadAllTextAsync(server.PasswordFile)).Trim());
        Assert.Equal(48, password!.Length); // 24 random bytes in hex
        Assert.False(File.Exists(Path.Combine(folder.RunDirectory, "initdb.password")));
    }

    [Fact]
    public async Task A_data_folder_made_with_trust_authentication_gets_a_password_on_the_next_start()
    {
        using var folder = new TemporaryDataFolder();
        EmbeddedPostgres.Start(folder.Options()).Dispose();
        // What a folder made before passwords looks like: trust in pg_hba.conf and no password file.
        await File.WriteAllTextAsync(Path.Combine(folder.DataDirectory, "pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        File.Delete(folder.PasswordFile);

        using var server = EmbeddedPostgres.Start(folder.Options());

        var password = (await File.ReadAllTextAsync(folder.PasswordFile)).Trim();
        Assert.Equal(password, new NpgsqlConnectionStringBuilder(server.ConnectionString).Password);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.PasswordFile));
        Assert.Equal(1, await folder.SelectOneAsync());
        var wrong = await Assert.ThrowsAsync<PostgresException>(() => folder.SelectOneAsync(password: "not-the-password", host: folder.RunDirectory));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, wrong.SqlState);
        Assert.DoesNotContain(File.ReadLines(Path.Combine(folder.DataDirectory, "pg_hba.conf")),
            line => !line.TrimStart().StartsWith('#') && line.Contains("trust", StringComparison.Ordinal));
    }

    private static async Task<string> FileOwnerAsync(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return owner.Trim();
    }
}
