using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Renda.Web.Data;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Modules;

namespace Renda.Bench.Load;

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL the list endpoint sends: the app's own
/// SuggestionQueries.ListAsync runs against the database with an interceptor that keeps each
/// command, which is then explained with its parameters.
/// </summary>
public static class Explain
{
    private sealed class Capture : DbCommandInterceptor
    {
        public List<NpgsqlCommand> Commands { get; } = [];
        public Dictionary<string, (int Count, double Ms)> Timings { get; } = [];

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
        {
            var key = command.CommandText.Length > 60 ? command.CommandText[..60].ReplaceLineEndings(" ") : command.CommandText;
            var (n, ms) = Timings.GetValueOrDefault(key);
            Timings[key] = (n + 1, ms + eventData.Duration.TotalMilliseconds);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Commands.Add(((NpgsqlCommand)command).Clone());
            return ValueTask.FromResult(result);
        }
    }

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var connection = o.Get("pg");
        var code = o.Get("code");
        var year = o.Int("year", DateTime.UtcNow.Year - 1);
        var current = o.Int("current-year", DateTime.UtcNow.Year);
        var text = o.Maybe("text") ?? "草原";
        var rare = o.Maybe("rare-text") ?? "乌兰县发展枸杞";
        await using var pg = NpgsqlDataSource.Create(connection);
        var congressId = await BurstScenario.Scalar<int>(pg, """SELECT "Id" FROM "Congresses" WHERE "Code" = $1""", ct, code);
        var accountId = await BurstScenario.Scalar<int>(pg, """SELECT "Id" FROM "Accounts" WHERE "UserName" = $1""", ct, o.Get("user"));
        var actor = new SuggestionActor(accountId, o.Get("user"), congressId, null, [], ActorKinds.Staff);
        var filters = new (string Name, SuggestionFilter Filter)[]
        {
            ("no filter", new()),
            ($"year={year}", new(Year: year)),
            ("status=Assigned", new(Status: SuggestionStatus.Assigned)),
            ($"year={current}&status=Submitted", new(Year: current, Status: SuggestionStatus.Submitted)),
            ($"year={year}&status=Closed", new(Year: year, Status: SuggestionStatus.Closed)),
            ($"year={current}&text={text}", new(Year: current, Text: text)),
            ($"year={current}&text={rare}", new(Year: current, Text: rare)),
            ($"text={rare}", new(Text: rare)),
        };
        foreach (var (name, filter) in filters)
        {
            if (o.Maybe("only") is { } only && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var capture = new Capture();
            var options = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection).AddInterceptors(capture).Options;
            await using (var db = new RendaDbContext(options, new SystemActor(), TimeProvider.System))
                await SuggestionQueries.ListAsync(db, actor, filter, 3, 20, ct);
            if (o.Int("time", 0) is > 0 and var times)
            {
                // In-process cost of ListAsync, one call at a time: the whole call against the time its commands took (execution to first row).
                var timing = new Capture();
                var timed = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection).AddInterceptors(timing).Options;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                // CPU as well as time: on a shared machine the wall clock measures the neighbours too. Calls run one
                // at a time, so the pool keeps handing out the same connection, whose server process is read here.
                int? backend = null;
                TimeSpan cpu = default;
                long serverTicks = 0;
                for (var i = 0; i < times; i++)
                {
                    if (i == times / 5)
                    {
                        await using var probe = new RendaDbContext(timed, new SystemActor(), TimeProvider.System);
                        backend = await probe.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync(ct);
                        serverTicks = ServerTicks(backend.Value);
                        timing.Timings.Clear();
                        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                        watch.Restart();
                    }
                    await using var db = new RendaDbContext(timed, new SystemActor(), TimeProvider.System);
                    await SuggestionQueries.ListAsync(db, actor, filter, 1 + i % 5, 20, ct);
                }
                var measured = times - times / 5;
                var clientCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / measured;
                var serverCpu = (ServerTicks(backend!.Value) - serverTicks) * 10.0 / measured;
                Console.WriteLine($"==================== {name}: ListAsync {watch.Elapsed.TotalMilliseconds / measured:F2} ms per call ({measured} calls); CPU per call {clientCpu:F2} ms here, {serverCpu:F2} ms in PostgreSQL");
                foreach (var (sql, (n, ms)) in timing.Timings)
                    Console.WriteLine($"   {ms / n,6:F2} ms  {sql}");
                continue;
            }
            Console.WriteLine($"==================== {name} (page 3 of 20)");
            await using var conn = await pg.OpenConnectionAsync(ct);
            foreach (var command in capture.Commands)
            {
                Console.WriteLine(command.CommandText);
                Console.WriteLine("-- " + string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={Show(p.Value)}")));
                command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
                command.Connection = conn;
                await using var r = await command.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) Console.WriteLine("   " + r.GetString(0));
                Console.WriteLine();
            }
        }
        return 0;
    }

    /// <summary>User and system CPU of a local PostgreSQL server process, in clock ticks (1/100 s); 0 where /proc is not readable.</summary>
    private static long ServerTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Show(object? v) => v is System.Collections.IEnumerable e and not string ? "[" + string.Join(",", e.Cast<object>().Take(5)) + ",…]" : v?.ToString() ?? "null";
}
