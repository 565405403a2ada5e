using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Platform.Audit;

namespace Renda.Tests.Data;

/// <summary>
/// The hand-written SQL migrations must produce exactly the schema of the EF model, on both
/// providers: a model change without a migration (or a wrong migration) fails here.
/// </summary>
public class MigrationTests
{
    /// <summary>
    /// Tables outside the EF model on purpose, left out of the comparison by this name prefix: the
    /// search index (Platform/Search, migration 0002_search), written with raw SQL by SearchIndex,
    /// including SQLite's FTS5 virtual and shadow tables (search_fts, search_fts_data …).
    /// Its own tests cover it. No model table may start with this prefix.
    /// </summary>
    private const string OutsideTheModel = "search_";

    private static RendaDbContext Context(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<RendaDbContext>();
        if (provider == DatabaseProvider.Postgres) options.UseNpgsql(connection); else options.UseSqlite(connection);
        return new RendaDbContext(options.Options, new SystemActor(), TimeProvider.System);
    }

    [Fact]
    public async Task Sqlite_migrations_equal_the_model()
    {
        var dir = Directory.CreateTempSubdirectory("renda-mig-").FullName;
        var migrated = $"Data Source={Path.Combine(dir, "migrated.db")};Pooling=False";
        var modelled = $"Data Source={Path.Combine(dir, "model.db")};Pooling=False";
        await using (var db = Context(DatabaseProvider.Sqlite, migrated))
            (await Database.MigrateAsync(db)).ShouldNotBeEmpty();
        await using (var db = Context(DatabaseProvider.Sqlite, modelled))
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();
        var expected = await SqliteSchemaAsync(modelled);
        var actual = await SqliteSchemaAsync(migrated);
        expected.Count.ShouldBeGreaterThan(100);
        ShouldMatch(actual, expected);
    }

    /// <summary>Names only the differing lines, so a failure says what to put in the migration.</summary>
    private static void ShouldMatch(List<string> migrated, List<string> model)
    {
        migrated.Except(model).ShouldBeEmpty("in the migrated schema but not in the model");
        model.Except(migrated).ShouldBeEmpty("in the model but not in the migrated schema");
    }

    [Fact]
    public async Task Postgres_migrations_equal_the_model()
    {
        var migrated = TestPostgres.CreateDatabase("renda_mig_a");
        var modelled = TestPostgres.CreateDatabase("renda_mig_b");
        try
        {
            await using (var db = Context(DatabaseProvider.Postgres, migrated))
                (await Database.MigrateAsync(db)).ShouldNotBeEmpty();
            await using (var db = Context(DatabaseProvider.Postgres, modelled))
                await db.Database.EnsureCreatedAsync();
            var expected = await PostgresSchemaAsync(modelled);
            var actual = await PostgresSchemaAsync(migrated);
            expected.Count.ShouldBeGreaterThan(100);
            ShouldMatch(actual, expected);
        }
        finally
        {
            TestPostgres.DropDatabase(migrated);
            TestPostgres.DropDatabase(modelled);
        }
    }

    [Fact]
    public async Task No_model_table_hides_behind_the_excluded_prefix()
    {
        await using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        db.Model.GetEntityTypes().Select(e => e.GetTableName() ?? "").Where(t => t.StartsWith(OutsideTheModel, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        var dir = Directory.CreateTempSubdirectory("renda-mig-").FullName;
        await using var db = Context(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "twice.db")};Pooling=False");
        (await Database.MigrateAsync(db)).Count.ShouldBe(Database.Migrations(DatabaseProvider.Sqlite).Count());
        (await Database.MigrateAsync(db)).ShouldBeEmpty();
    }

    private static async Task<List<string>> SqliteSchemaAsync(string connection)
    {
        await using var c = new SqliteConnection(connection);
        await c.OpenAsync();
        var tables = await Rows(c, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'sqlite_sequence') AND substr(name, 1, {OutsideTheModel.Length}) <> '{OutsideTheModel}' ORDER BY name");
        var result = new List<string>();
        foreach (var t in tables)
        {
            result.AddRange((await Rows(c, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk FROM pragma_table_info('{t}')")).Select(r => $"{t}.{r}"));
            result.AddRange((await Rows(c, $"SELECT name || ' unique=' || \"unique\" FROM pragma_index_list('{t}') WHERE origin <> 'pk'")).Select(r => $"{t} index {r}"));
            result.AddRange((await Rows(c, $"SELECT \"table\" || '.' || \"from\" || ' -> ' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{t}')")).Select(r => $"{t} fk {r}"));
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static async Task<List<string>> PostgresSchemaAsync(string connection)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        var result = new List<string>();
        // A partition (TreasuryPayments_2023 …, made on demand) repeats its parent's columns and indexes: only the parent is compared.
        const string partitions = "(SELECT relname::text FROM pg_class WHERE relispartition)";
        result.AddRange(await Rows(c, $"""
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations' AND NOT starts_with(table_name, '{OutsideTheModel}')
            AND table_name NOT IN {partitions}
            """));
        // A partitioned table's own index reads "ON ONLY"; the model's plain table has the same index without it.
        result.AddRange((await Rows(c, $"SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations' AND NOT starts_with(tablename, '{OutsideTheModel}') AND tablename NOT IN {partitions}"))
            .Select(d => d.Replace(" ON ONLY ", " ON ", StringComparison.Ordinal)));
        result.AddRange(await Rows(c, $"""
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations' AND NOT starts_with(conrelid::regclass::text, '{OutsideTheModel}')
            AND NOT (SELECT relispartition FROM pg_class WHERE oid = conrelid)
            """));
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static async Task<List<string>> Rows(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var rows = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }
}
