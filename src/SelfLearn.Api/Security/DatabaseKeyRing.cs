using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SelfLearn.Api.Security;

/// <summary>
/// ASP.NET Core's data-protection key ring, kept in PostgreSQL instead of on each machine's disk, so the web UI's
/// sign-in cookie issued by one node is read by every other node, and survives a restart or a new machine.
/// </summary>
public sealed class DatabaseKeyRing(NpgsqlDataSource dataSource) : IXmlRepository
{
    public const string Table = "selflearn.data_protection_keys";

    private static readonly string EnsureSql = $"""
        CREATE SCHEMA IF NOT EXISTS selflearn;
        CREATE TABLE IF NOT EXISTS {Table} (friendly_name text PRIMARY KEY, xml text NOT NULL, stored timestamptz NOT NULL DEFAULT now());
        """;

    private volatile bool _ensured;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        Ensure();
        using var command = dataSource.CreateCommand($"SELECT xml FROM {Table} ORDER BY stored, friendly_name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
            elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Ensure();
        // Names are unique per key ("key-<guid>") or revocation; a name seen again is the same element stored twice.
        using var command = dataSource.CreateCommand($"INSERT INTO {Table} (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private void Ensure()
    {
        if (_ensured)
            return;
        using var command = dataSource.CreateCommand(EnsureSql);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateSchema)
        {
            // Another node created it between the IF NOT EXISTS check and the CREATE.
        }
        _ensured = true;
    }
}

public static class DatabaseKeyRingSetup
{
    /// <summary>Every node protects and reads cookies with the same keys: one application name, one key ring in the database.</summary>
    public static void AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("SelfLearn");
        services.AddSingleton<DatabaseKeyRing>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseKeyRing>((options, keyRing) => options.XmlRepository = keyRing);
    }
}
