using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Renda.Web.Data;

/// <summary>
/// Provider choice (Database:Provider = Sqlite | Postgres), the data folder (Renda:DataDir) and the
/// versioned migrations: hand-written SQL per provider, embedded under Data/Migrations/{Provider},
/// applied in name order, each in its own transaction, recorded in schema_migrations.
/// See docs/decisions/0002-sql-migrations.md.
/// </summary>
public static class Database
{
    /// <summary>
    /// A raw command on the context's connection, in <paramref name="tx"/> — for the search indexes, whose statements EF cannot
    /// express. A parameter the text does not name is left out: PostgreSQL statements may carry some values as literals that
    /// SQLite's take as parameters.
    /// </summary>
    public static System.Data.Common.DbCommand Command(RendaDbContext db, System.Data.Common.DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (!sql.Contains("@" + name, StringComparison.Ordinal)) continue;
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    public static string DataDir(IConfiguration config)
    {
        var dir = config["Renda:DataDir"] is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "data");
        Directory.CreateDirectory(dir);
        return Path.GetFullPath(dir);
    }

    public static DatabaseProvider Provider(IConfiguration config)
        => config["Database:Provider"] is { Length: > 0 } p
            ? Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var v) ? v : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{p}'.")
            : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config)
    {
        var configured = config.GetConnectionString("Renda");
        if (Provider(config) == DatabaseProvider.Postgres)
            return WithAutoPrepare(configured ?? throw new InvalidOperationException("ConnectionStrings:Renda is required for PostgreSQL."));
        return configured is { Length: > 0 } ? configured
            : new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDir(config), "renda.db"), Pooling = true }.ToString();
    }

    /// <summary>
    /// Statements used twice on a connection are prepared (Npgsql auto-prepare), unless the connection string says otherwise:
    /// it halves PostgreSQL's share of a ballot's CPU (docs/BENCHMARKS.md, decision 0019). A pooler in transaction mode without
    /// prepared-statement support needs "Max Auto Prepare=0".
    /// </summary>
    public static string WithAutoPrepare(string connection)
    {
        if (connection.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) || connection.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            return connection;
        return new NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    public static IServiceCollection AddRendaDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = Provider(config);
        var connection = ConnectionString(config);
        services.AddSingleton<CommittedWrites>();
        services.AddSingleton<DatabaseTelemetry>();
        services.AddSingleton(sp => new DatabaseLogFilter(sp.GetRequiredService<ILoggerFactory>()));
        services.AddDbContext<RendaDbContext>((sp, o) =>
        {
            if (provider == DatabaseProvider.Postgres)
                o.UseNpgsql(connection);
            else
                o.UseSqlite(connection, s => s.CommandTimeout(60));
            // Caches of what was read learn here of the writes that change it (CommitWatcher services).
            o.AddInterceptors(sp.GetRequiredService<CommittedWrites>(), sp.GetRequiredService<DatabaseTelemetry>());
            // A unique violation the code answers with 409 is a refusal, not a fault (DatabaseLogFilter).
            o.UseLoggerFactory(sp.GetRequiredService<DatabaseLogFilter>());
            // A page of rows without a total order repeats or skips rows between pages (issue #20): in development and the
            // tests such a query fails at once instead of being logged; in production it is still only logged.
            if (sp.GetService<IHostEnvironment>()?.IsDevelopment() == true)
                o.ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        });
        return services;
    }

    public static IEnumerable<(string Id, string Sql)> Migrations(DatabaseProvider provider)
    {
        var asm = typeof(Database).Assembly;
        var prefix = $"Renda.Web.Data.Migrations.{provider}.";
        return asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^".sql".Length], Read(asm, n)));
    }

    private static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>Applies the migrations not yet applied; returns their ids.</summary>
    public static async Task<List<string>> MigrateAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var provider = db.Provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while one writer holds the lock; busy waits are bounded by the command timeout.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id varchar(200) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)", ct);
        var applied = await db.Database.SqlQueryRaw<string>("SELECT id AS \"Value\" FROM schema_migrations").ToListAsync(ct);
        var done = new List<string>();
        var migrations = Migrations(provider).ToList();
        if (migrations.Count == 0)
            throw new InvalidOperationException($"No migrations are embedded for {provider}: the build is broken.");
        foreach (var (id, sql) in migrations)
        {
            if (applied.Contains(id)) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx.GetDbTransaction();
                cmd.CommandText = sql;
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("INSERT INTO schema_migrations (id, applied_at) VALUES ({0}, {1})", [id, DateTime.UtcNow.ToString("O")], ct);
            await tx.CommitAsync(ct);
            done.Add(id);
        }
        return done;
    }

    /// <summary>The CREATE script of the current model, from which a new migration is written by hand.</summary>
    public static string CreateScript(RendaDbContext db) => db.Database.GenerateCreateScript();

    public static bool IsPostgresReachable(string connectionString)
    {
        try
        {
            using var c = new NpgsqlConnection(connectionString);
            c.Open();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
