using Npgsql;

namespace Renda.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: RENDA_TEST_POSTGRES (a connection string to a server where
/// the user may create databases), default the loopback server that test.sh starts. Each fixture
/// gets a fresh database. A missing server fails the test with a clear message; it never skips.
/// </summary>
public static class TestPostgres
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("RENDA_TEST_POSTGRES") is { Length: > 0 } s ? s : "Host=127.0.0.1;Port=55432;Username=postgres;Timeout=5";

    public static string CreateDatabase(string prefix)
    {
        var connection = DatabaseName(prefix);
        Create(connection);
        return connection;
    }

    /// <summary>The connection string of a new database name on the test server (not created yet).</summary>
    public static string DatabaseName(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Timeout = 15 }.ToString();
    }

    /// <summary>Creates the database of a connection string, empty or as a copy of a template database (which nobody may be connected to).</summary>
    public static void Create(string connectionString, string? template = null)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        try
        {
            using var c = new NpgsqlConnection(ServerConnectionString);
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{template ?? "template0"}\"";
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is required for this test but is not reachable at '{ServerConnectionString}': {e.Message}. Run the tests with ./test.sh, which starts it.", e);
        }
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(ServerConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}
