using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>A payment ready to be written: the line, its resolved ids and the id it is given.</summary>
public readonly record struct PaymentRecord(long Id, PaymentLine Line, int BudgetUnitId, int? ProjectId);

/// <summary>
/// Writes a batch's payments in bulk inside the import's transaction — the only writer of TreasuryPayments (the import and
/// the demo). PostgreSQL, a year's first batch: binary COPY straight into a new plain table of the partition's shape, which
/// is then attached as the year's partition in the same transaction — the attach builds its indexes by sorting each once,
/// instead of inserting a million keys into eight indexes row by row, and a killed import leaves no table behind.
/// PostgreSQL, a later batch of the year: binary COPY into a temporary staging table, then one INSERT … SELECT into the
/// partition (its index inserts cannot be avoided). SQLite: one prepared INSERT per row in the same transaction. Ids are a
/// range reserved under a per-year lock (the key is (Year, Id), so ids are unique within a year).
/// </summary>
public abstract class BudgetPaymentWriter : IAsyncDisposable
{
    protected readonly RendaDbContext Db;
    protected readonly int CongressId;
    protected readonly int Year;
    private long _nextId;
    private readonly List<(int Row, string Voucher)> _refunds = [];
    protected List<BudgetRowError> Errors { get; } = [];

    /// <summary>The wrong rows found since the last call (duplicate vouchers, unknown refunded vouchers).</summary>
    public List<BudgetRowError> TakeErrors()
    {
        var taken = Errors.ToList();
        Errors.Clear();
        return taken;
    }

    protected BudgetPaymentWriter(RendaDbContext db, int congressId, int year)
    {
        (Db, CongressId, Year) = (db, congressId, year);
    }

    /// <summary>Opens the writer inside the current transaction: takes the year's lock and reserves ids after the year's largest.</summary>
    public static async Task<BudgetPaymentWriter> OpenAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        if (year is < 1990 or > 2200) throw DomainException.Invalid("year", "预算年度须在 1990 到 2200 之间。");
        BudgetPaymentWriter writer;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('TreasuryPayments'), {0})", [year], ct);
            // Decided under the year's lock: a year with no partition and no row (in the default partition) gets its own, loaded bare.
#pragma warning disable EF1002 // the year is an int checked above
            var fresh = (await db.Database.SqlQueryRaw<bool>(
                $"SELECT to_regclass('\"TreasuryPayments_{year}\"') IS NULL AND NOT EXISTS (SELECT 1 FROM \"TreasuryPayments\" WHERE \"Year\" = {{0}}) AS \"Value\"", year).ToListAsync(ct))[0];
#pragma warning restore EF1002
            writer = new PostgresWriter(db, congressId, year, fresh);
        }
        else
            writer = new SqliteWriter(db, congressId, year);
        writer._nextId = (await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(\"Id\"), 0) AS \"Value\" FROM \"TreasuryPayments\" WHERE \"Year\" = {0}", year).ToListAsync(ct))[0] + 1;
        await writer.StartAsync(ct);
        return writer;
    }

    protected DbConnection Connection => Db.Database.GetDbConnection();
    protected DbTransaction? Transaction => Db.Database.CurrentTransaction?.GetDbTransaction();

    public long NextId() => _nextId++;

    public void Add(PaymentRecord p)
    {
        if (p.Line.Amount < 0)
            _refunds.Add((p.Line.Row, p.Line.ReversesVoucherNumber!));
        Write(p);
    }

    /// <summary>How many refunded vouchers one look-up checks.</summary>
    protected virtual int RefundChunk => 500;

    protected abstract Task StartAsync(CancellationToken ct);
    protected abstract void Write(PaymentRecord p);

    /// <summary>
    /// Ends the stream and checks what needs the whole batch: the vouchers refunds name. A refused batch still streamed its
    /// valid rows, so this and <see cref="NameDuplicatesAsync"/> see them all.
    /// </summary>
    public async Task EndAsync(CancellationToken ct)
    {
        await EndStreamAsync(ct);
        foreach (var chunk in _refunds.Chunk(RefundChunk))
        {
            var known = await KnownVouchersAsync(chunk.Select(r => r.Voucher).Distinct().ToArray(), ct);
            foreach (var (row, voucher) in chunk.Where(r => !known.Contains(r.Voucher)))
                Errors.Add(new BudgetRowError(row, BudgetColumns.Reverses, $"原支付凭证号“{voucher}”在本年度的支付数据中不存在"));
        }
    }

    /// <summary>Moves the rows into place (PostgreSQL); a duplicate voucher found then is added to <see cref="Errors"/>.</summary>
    public Task CommitAsync(int batchId, CancellationToken ct) => MoveAsync(batchId, ct);

    /// <summary>Names the rows whose voucher is already used (in the batch or the year); SQLite has named them while inserting.</summary>
    public virtual Task NameDuplicatesAsync(CancellationToken ct) => Task.CompletedTask;

    protected abstract Task EndStreamAsync(CancellationToken ct);
    protected abstract Task<HashSet<string>> KnownVouchersAsync(string[] vouchers, CancellationToken ct);
    protected abstract Task MoveAsync(int batchId, CancellationToken ct);
    public abstract ValueTask DisposeAsync();

    protected static string Duplicate(string voucher) => $"支付凭证号“{voucher}”重复（本批或本年度已导入的数据中已有）";

    private const string Columns = "\"VoucherNumber\", \"BudgetUnitId\", \"FunctionCode\", \"EconomicCode\", \"ProjectId\", \"IndicatorDocumentNumber\", \"FundNature\", \"Method\", \"Amount\", \"ReversesVoucherNumber\", \"PayeeName\", \"PayeeKind\", \"PayeeBank\", \"Summary\", \"PaidOn\", \"ClearedOn\"";

    private sealed class PostgresWriter(RendaDbContext db, int congressId, int year, bool fresh) : BudgetPaymentWriter(db, congressId, year)
    {
        private NpgsqlBinaryImporter? _copy;
        private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;
        /// <summary>Where the COPY writes: the new year's table (attached as its partition at the end), or the staging table.</summary>
        private string Target => fresh ? $"\"TreasuryPayments_{Year}\"" : "budget_payment_staging";
        /// <summary>A fresh year's rows carry no line number (the table has the partition's columns): the line of id FirstId + i is _lines[i].</summary>
        private readonly List<int> _lines = [];
        private long _firstId = -1;

        protected override async Task StartAsync(CancellationToken ct)
        {
            if (fresh)
            {
                // The partition's shape and a CHECK implying its bounds, so that the attach need not scan the rows. No index yet.
                // The year is an int checked by OpenAsync: no text reaches the statements.
#pragma warning disable EF1002
                await Db.Database.ExecuteSqlRawAsync($"""
                    CREATE TABLE {Target} (LIKE "TreasuryPayments" INCLUDING DEFAULTS,
                      CONSTRAINT "CK_TreasuryPayments_{Year}_Year" CHECK ("Year" >= {Year} AND "Year" < {Year + 1}))
                    """, ct);
#pragma warning restore EF1002
                _copy = await Npgsql.BeginBinaryImportAsync($"COPY {Target} (\"Year\", \"Id\", \"CongressId\", \"BatchId\", {Columns}) FROM STDIN (FORMAT BINARY)", ct);
                return;
            }
            // Unindexed and unlogged (temporary): the COPY writes at full speed; dropped with the transaction, committed or not.
            await Db.Database.ExecuteSqlRawAsync("""
                CREATE TEMP TABLE budget_payment_staging ("Line" integer NOT NULL, "Id" bigint NOT NULL, "VoucherNumber" varchar(40) NOT NULL, "BudgetUnitId" integer NOT NULL,
                  "FunctionCode" varchar(10) NOT NULL, "EconomicCode" varchar(10) NOT NULL, "ProjectId" integer, "IndicatorDocumentNumber" varchar(60),
                  "FundNature" varchar(40) NOT NULL, "Method" varchar(40) NOT NULL, "Amount" numeric(18,2) NOT NULL, "ReversesVoucherNumber" varchar(40),
                  "PayeeName" varchar(100) NOT NULL, "PayeeKind" varchar(40) NOT NULL, "PayeeBank" varchar(100), "Summary" varchar(200), "PaidOn" date NOT NULL, "ClearedOn" date)
                ON COMMIT DROP
                """, ct);
            _copy = await Npgsql.BeginBinaryImportAsync($"COPY budget_payment_staging (\"Line\", \"Id\", {Columns}) FROM STDIN (FORMAT BINARY)", ct);
        }

        protected override void Write(PaymentRecord p)
        {
            var c = _copy!;
            var l = p.Line;
            c.StartRow();
            if (fresh)
            {
                if (_firstId < 0) _firstId = p.Id;
                _lines.Add(l.Row);
                c.Write(Year, NpgsqlDbType.Integer);
                c.Write(p.Id, NpgsqlDbType.Bigint);
                c.Write(CongressId, NpgsqlDbType.Integer);
                c.Write(BatchId, NpgsqlDbType.Integer);
            }
            else
            {
                c.Write(l.Row, NpgsqlDbType.Integer);
                c.Write(p.Id, NpgsqlDbType.Bigint);
            }
            c.Write(l.VoucherNumber, NpgsqlDbType.Varchar);
            c.Write(p.BudgetUnitId, NpgsqlDbType.Integer);
            c.Write(l.FunctionCode, NpgsqlDbType.Varchar);
            c.Write(l.EconomicCode, NpgsqlDbType.Varchar);
            if (p.ProjectId is { } project) c.Write(project, NpgsqlDbType.Integer); else c.WriteNull();
            if (l.IndicatorDocumentNumber is { } doc) c.Write(doc, NpgsqlDbType.Varchar); else c.WriteNull();
            c.Write(Names.Of(l.FundNature), NpgsqlDbType.Varchar);
            c.Write(Names.Of(l.Method), NpgsqlDbType.Varchar);
            c.Write(l.Amount, NpgsqlDbType.Numeric);
            if (l.ReversesVoucherNumber is { } rev) c.Write(rev, NpgsqlDbType.Varchar); else c.WriteNull();
            c.Write(l.PayeeName, NpgsqlDbType.Varchar);
            c.Write(Names.Of(l.PayeeKind), NpgsqlDbType.Varchar);
            if (l.PayeeBank is { } bank) c.Write(bank, NpgsqlDbType.Varchar); else c.WriteNull();
            if (l.Summary is { } summary) c.Write(summary, NpgsqlDbType.Varchar); else c.WriteNull();
            c.Write(l.PaidOn, NpgsqlDbType.Date);
            if (l.ClearedOn is { } cleared) c.Write(cleared, NpgsqlDbType.Date); else c.WriteNull();
        }

        protected override async Task EndStreamAsync(CancellationToken ct)
        {
            if (_copy is null) return;
            await _copy.CompleteAsync(ct);
            await _copy.DisposeAsync();
            _copy = null;
        }

        /// <summary>A fresh year's table has no index before the attach: all refunds in one look-up, one hashed pass over it.</summary>
        protected override int RefundChunk => fresh ? int.MaxValue : 500;

#pragma warning disable EF1002 // Target is one of two fixed names (the year an int); every value is a parameter.
        protected override async Task<HashSet<string>> KnownVouchersAsync(string[] vouchers, CancellationToken ct)
            => (await Db.Database.SqlQueryRaw<string>(fresh
                // A new year: only this batch's rows can be refunded. IN (unnest) hashes the list; = ANY would scan it per row.
                ? $$"""SELECT DISTINCT "VoucherNumber" AS "Value" FROM {{Target}} WHERE "VoucherNumber" IN (SELECT unnest({0}::varchar[]))"""
                : $$"""
                SELECT "VoucherNumber" AS "Value" FROM {{Target}} WHERE "VoucherNumber" = ANY({0})
                UNION SELECT "VoucherNumber" FROM "TreasuryPayments" WHERE "CongressId" = {1} AND "Year" = {2} AND "VoucherNumber" = ANY({0})
                """, vouchers, CongressId, Year).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        /// <summary>
        /// A later batch: one statement into the partition. A fresh year: the table attached as the year's partition, which
        /// builds its indexes (sorted, in memory up to maintenance_work_mem) and, thanks to the CHECK, reads no row to prove the
        /// bounds. Either way duplicate vouchers are left to the unique index (no cost when there are none); when it refuses,
        /// the move is undone to a savepoint and the duplicates are named by their lines.
        /// </summary>
        protected override async Task MoveAsync(int batchId, CancellationToken ct)
        {
            var tx = Db.Database.CurrentTransaction!;
            await tx.CreateSavepointAsync("budget_move", ct);
            try
            {
                if (fresh)
                {
                    await Db.Database.ExecuteSqlRawAsync("SET LOCAL maintenance_work_mem = '256MB'", ct);
                    await Db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"TreasuryPayments\" ATTACH PARTITION {Target} FOR VALUES FROM ({Year}) TO ({Year + 1})", ct);
                    // The sums and rules that follow in this transaction query the new partition: give the planner its statistics.
                    await Db.Database.ExecuteSqlRawAsync($"ANALYZE {Target}", ct);
                }
                else
                    await Db.Database.ExecuteSqlRawAsync(
                        "INSERT INTO \"TreasuryPayments\" (\"Year\", \"Id\", \"CongressId\", \"BatchId\", " + Columns + ") SELECT {0}, \"Id\", {1}, {2}, " + Columns + " FROM budget_payment_staging",
                        [Year, CongressId, batchId], ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await tx.RollbackToSavepointAsync("budget_move", ct);
                await NameDuplicatesAsync(ct);
            }
        }

        public override async Task NameDuplicatesAsync(CancellationToken ct)
        {
            if (fresh)
            {
                // A new year has no earlier rows: a duplicate is a voucher repeated in the batch, named from its second line on.
                var ids = await Db.Database.SqlQueryRaw<DuplicateId>($"""
                    SELECT "Id", "VoucherNumber" FROM (
                      SELECT "Id", "VoucherNumber", row_number() OVER (PARTITION BY "VoucherNumber" ORDER BY "Id") AS n
                      FROM {Target} WHERE "VoucherNumber" IN (SELECT "VoucherNumber" FROM {Target} GROUP BY "VoucherNumber" HAVING count(*) > 1)) d
                    WHERE n > 1 ORDER BY "Id" LIMIT 10000
                    """).ToListAsync(ct);
                Errors.AddRange(ids.Select(r => new BudgetRowError(_lines[(int)(r.Id - _firstId)], BudgetColumns.Voucher, Duplicate(r.VoucherNumber))));
                return;
            }
            var rows = await Db.Database.SqlQueryRaw<DuplicateRow>("""
                    SELECT s."Line", s."VoucherNumber" FROM budget_payment_staging s
                    WHERE EXISTS (SELECT 1 FROM "TreasuryPayments" p WHERE p."CongressId" = {0} AND p."Year" = {1} AND p."VoucherNumber" = s."VoucherNumber")
                       OR EXISTS (SELECT 1 FROM budget_payment_staging d WHERE d."VoucherNumber" = s."VoucherNumber" AND d."Line" < s."Line")
                    ORDER BY s."Line" LIMIT 10000
                    """, CongressId, Year).ToListAsync(ct);
            Errors.AddRange(rows.Select(r => new BudgetRowError(r.Line, BudgetColumns.Voucher, Duplicate(r.VoucherNumber))));
        }
#pragma warning restore EF1002

        public override async ValueTask DisposeAsync()
        {
            if (_copy is not null) await _copy.DisposeAsync();
        }
    }

    private sealed record DuplicateId(long Id, string VoucherNumber);
    private sealed record DuplicateRow(int Line, string VoucherNumber);

    private sealed class SqliteWriter(RendaDbContext db, int congressId, int year) : BudgetPaymentWriter(db, congressId, year)
    {
        private SqliteCommand? _insert;
        private SqliteParameter[] _p = [];

        protected override Task StartAsync(CancellationToken ct)
        {
            var names = Columns.Split(", ").Select(c => c.Trim('"')).ToArray();
            _insert = (SqliteCommand)Connection.CreateCommand();
            _insert.Transaction = (SqliteTransaction?)Transaction;
            _insert.CommandText = $"INSERT INTO \"TreasuryPayments\" (\"Year\", \"Id\", \"CongressId\", \"BatchId\", {Columns}) VALUES ({Year}, $Id, {CongressId}, $BatchId, {string.Join(", ", names.Select(n => "$" + n))}) ON CONFLICT DO NOTHING";
            _p = new[] { "Id", "BatchId" }.Concat(names).Select(n => _insert.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
            _insert.Prepare();
            return Task.CompletedTask;
        }

        protected override void Write(PaymentRecord p)
        {
            var l = p.Line;
            _p[0].Value = p.Id;
            _p[1].Value = BatchId;
            _p[2].Value = l.VoucherNumber;
            _p[3].Value = p.BudgetUnitId;
            _p[4].Value = l.FunctionCode;
            _p[5].Value = l.EconomicCode;
            _p[6].Value = (object?)p.ProjectId ?? DBNull.Value;
            _p[7].Value = (object?)l.IndicatorDocumentNumber ?? DBNull.Value;
            _p[8].Value = Names.Of(l.FundNature);
            _p[9].Value = Names.Of(l.Method);
            _p[10].Value = l.Amount;
            _p[11].Value = (object?)l.ReversesVoucherNumber ?? DBNull.Value;
            _p[12].Value = l.PayeeName;
            _p[13].Value = Names.Of(l.PayeeKind);
            _p[14].Value = (object?)l.PayeeBank ?? DBNull.Value;
            _p[15].Value = (object?)l.Summary ?? DBNull.Value;
            _p[16].Value = l.PaidOn;
            _p[17].Value = l.ClearedOn is { } c ? c : DBNull.Value;
            // The unique voucher index refuses a duplicate without an exception: nothing inserted names the row.
            if (_insert!.ExecuteNonQuery() == 0)
                Errors.Add(new BudgetRowError(l.Row, BudgetColumns.Voucher, Duplicate(l.VoucherNumber)));
        }

        protected override Task EndStreamAsync(CancellationToken ct) => Task.CompletedTask;

        protected override async Task<HashSet<string>> KnownVouchersAsync(string[] vouchers, CancellationToken ct)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            await using var cmd = (SqliteCommand)Connection.CreateCommand();
            cmd.Transaction = (SqliteTransaction?)Transaction;
            cmd.CommandText = $"SELECT \"VoucherNumber\" FROM \"TreasuryPayments\" WHERE \"CongressId\" = {CongressId} AND \"Year\" = {Year} AND \"VoucherNumber\" = $v";
            var v = cmd.Parameters.Add(new SqliteParameter("$v", ""));
            foreach (var voucher in vouchers)
            {
                v.Value = voucher;
                if (await cmd.ExecuteScalarAsync(ct) is string s) found.Add(s);
            }
            return found;
        }

        protected override Task MoveAsync(int batchId, CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _insert?.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The batch's id, known before the first row (SQLite saves the batch row first; PostgreSQL reserves the id from its sequence).</summary>
    protected int BatchId { get; private set; }

    public void UseBatch(int batchId) => BatchId = batchId;

    /// <summary>Enum names as EF stores them (string columns), without a ToString per row.</summary>
    private static class Names
    {
        private static readonly string[] Funds = Enum.GetValues<FundNature>().Select(v => v.ToString()).Prepend("").ToArray();
        private static readonly string[] Methods = Enum.GetValues<PaymentMethod>().Select(v => v.ToString()).Prepend("").ToArray();
        private static readonly string[] Payees = Enum.GetValues<PayeeKind>().Select(v => v.ToString()).Prepend("").ToArray();
        public static string Of(FundNature v) => Funds[(int)v];
        public static string Of(PaymentMethod v) => Methods[(int)v];
        public static string Of(PayeeKind v) => Payees[(int)v];
    }
}
