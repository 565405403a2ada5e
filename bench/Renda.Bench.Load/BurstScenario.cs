using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Renda.Bench.Load;

/// <summary>
/// Session close: every deputy submits at once. Distinct deputies (seeded accounts), one
/// suggestion each, POST …/suggestions with submit=true and an Idempotency-Key, at a fixed
/// concurrency. Tokens are fetched first and not timed. Afterwards the rows are counted in the
/// database: nothing may be lost, doubled or left without a registration number.
/// </summary>
public static class BurstScenario
{
    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var url = o.Get("url");
        var code = o.Get("code");
        var prefix = o.Get("deputy-prefix");
        var password = o.Get("password");
        var count = o.Int("count", 3000);
        var concurrency = o.Int("concurrency", 100);
        var run = o.Maybe("run") ?? DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        await using var pg = NpgsqlDataSource.Create(o.Get("pg"));

        var congressId = await Scalar<int>(pg, """SELECT "Id" FROM "Congresses" WHERE "Code" = $1""", ct, code);
        var users = new List<(int Id, string Name)>();
        await using (var cmd = pg.CreateCommand("""SELECT "Id", "UserName" FROM "Accounts" WHERE "CongressId" = $1 AND "UserName" LIKE $2 ORDER BY "UserName" LIMIT $3"""))
        {
            cmd.Parameters.Add(new() { Value = congressId });
            cmd.Parameters.Add(new() { Value = prefix + "%" });
            cmd.Parameters.Add(new() { Value = count });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) users.Add((r.GetInt32(0), r.GetString(1)));
        }
        if (users.Count < count) throw new InvalidOperationException($"only {users.Count} accounts named {prefix}* in congress {code}; seed first");
        var ids = users.Select(u => u.Id).ToArray();
        var before = await Scalar<long>(pg, """SELECT count(*) FROM "Suggestions" WHERE "CreatedByAccountId" = ANY($1)""", ct, ids);
        var auditBefore = await Scalar<long>(pg, """SELECT count(*) FROM "AuditRecords" """, ct);
        var systemBefore = await Scalar<long>(pg, """SELECT count(*) FROM "AuditRecords" WHERE "ActorId" IS NULL""", ct);

        using var client = LoadRunner.Client(url, concurrency);
        Console.WriteLine($"burst scenario: {url} congress {code}, {count} deputies, concurrency {concurrency}");
        var tokenClock = System.Diagnostics.Stopwatch.StartNew();
        var tokens = new string[count];
        // For repeated runs against one database only: tokens live 8 hours, and 3 000 PBKDF2 checks take minutes.
        var cache = o.Maybe("token-cache");
        if (cache is not null && File.Exists(cache) && await File.ReadAllLinesAsync(cache, ct) is { } cached && cached.Length >= count)
            tokens = cached[..count];
        else
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, o.Int("token-concurrency", 4)).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                    tokens[i] = await LoadRunner.TokenAsync(client, users[i].Name, password, ct);
            }, ct)));
            if (cache is not null) await File.WriteAllLinesAsync(cache, tokens, ct);
        }
        Console.WriteLine($"  {count} tokens in {tokenClock.Elapsed.TotalSeconds:F0} s (POST /api/v1/auth/token; not timed in the burst)");

        // Who waits for the audit lock (the advisory lock that serialises every save) while the burst runs.
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var samples = new List<(int Waiting, int Active)>();
        var sampler = Task.Run(async () =>
        {
            await using var conn = await pg.OpenConnectionAsync(sampling.Token);
            while (!sampling.IsCancellationRequested)
            {
                await using (var cmd = new NpgsqlCommand(
                    "SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted)::int, " +
                    "(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid())::int", conn))
                await using (var r = await cmd.ExecuteReaderAsync(sampling.Token))
                    if (await r.ReadAsync(sampling.Token)) samples.Add((r.GetInt32(0), r.GetInt32(1)));
                await Task.Delay(100, sampling.Token);
            }
        }, sampling.Token);

        string[] categories = ["经济发展", "城乡建设", "教育", "医疗卫生", "生态环境", "农业农村", "社会保障"];
        var result = await LoadRunner.EachOnceAsync($"session-close burst ({count} deputies)", client, concurrency, count, i =>
        {
            var m = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/congresses/{code}/suggestions")
            {
                Content = JsonContent.Create(new
                {
                    title = $"关于进一步做好第{i + 1}号选区民生实事的建议",
                    content = $"闭会前集中提出（{run}-{i}）：建议有关部门加强统筹，{Seeder.Paragraph(new Random(i), 300)}",
                    category = categories[i % categories.Length],
                    period = "BetweenSessions",
                    submit = true,
                }),
            };
            m.Headers.Authorization = new("Bearer", tokens[i]);
            m.Headers.Add("Idempotency-Key", $"burst-{run}-{i}");
            return m;
        }, HttpStatusCode.Created, ct);
        await sampling.CancelAsync();
        try { await sampler; } catch (OperationCanceledException) { }
        Console.WriteLine(RunResult.Header);
        LoadRunner.Print(result);

        var rows = await Scalar<long>(pg, """SELECT count(*) FROM "Suggestions" WHERE "CreatedByAccountId" = ANY($1)""", ct, ids) - before;
        var submitted = await Scalar<long>(pg, """SELECT count(*) FROM "Suggestions" WHERE "CreatedByAccountId" = ANY($1) AND "IdempotencyKey" LIKE $2 AND "Status" = 'Submitted' AND "Number" IS NOT NULL""", ct, ids, $"burst-{run}-%");
        var drafts = await Scalar<long>(pg, """SELECT count(*) FROM "Suggestions" WHERE "CreatedByAccountId" = ANY($1) AND "IdempotencyKey" LIKE $2 AND "Status" = 'Draft'""", ct, ids, $"burst-{run}-%");
        var distinctNumbers = await Scalar<long>(pg, """SELECT count(DISTINCT "Number") FROM "Suggestions" WHERE "CreatedByAccountId" = ANY($1) AND "IdempotencyKey" LIKE $2""", ct, ids, $"burst-{run}-%");
        var perDeputy = await Scalar<long>(pg, """SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM "Suggestions" WHERE "CreatedByAccountId" = ANY($1) AND "IdempotencyKey" LIKE $2 GROUP BY "LeadDeputyId") x""", ct, ids, $"burst-{run}-%");
        var clocks = await Scalar<long>(pg, """SELECT count(*) FROM "Deadlines" d JOIN "Suggestions" s ON d."SubjectType" = 'Suggestion' AND d."SubjectId" = s."Id"::text WHERE s."CreatedByAccountId" = ANY($1) AND s."IdempotencyKey" LIKE $2 AND d."Purpose" = 'assign'""", ct, ids, $"burst-{run}-%");
        var audit = await Scalar<long>(pg, """SELECT count(*) FROM "AuditRecords" """, ct) - auditBefore;
        var system = await Scalar<long>(pg, """SELECT count(*) FROM "AuditRecords" WHERE "ActorId" IS NULL""", ct) - systemBefore;
        var lost = result.Count - submitted;

        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"\nrequests answered 201: {result.Count}; errors: {result.Errors}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"rows afterwards: {rows} new suggestions, {submitted} submitted with a number, {drafts} left as drafts, {distinctNumbers} distinct numbers, at most {perDeputy} per deputy, {clocks} assign clocks started, {audit} audit records appended ({system} of them by background work, not by a request)");
        if (samples.Count > 0)
            summary.AppendLine(CultureInfo.InvariantCulture, $"audit lock, sampled every 100 ms ({samples.Count} samples): sessions waiting for it mean {samples.Average(x => x.Waiting):F1}, max {samples.Max(x => x.Waiting)}; active database sessions mean {samples.Average(x => x.Active):F1}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"lost (201 answered but no submitted row): {Math.Max(0, lost)}; target 0 errors and 0 lost: {(result.Errors == 0 && lost == 0 && submitted == count && distinctNumbers == count ? "met" : "missed")}");
        Console.Write(summary);
        if (o.Maybe("out") is { } path)
            await File.AppendAllTextAsync(path, $"#### Session-close burst, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n{RunResult.Header}\n{result.Row}\n"
                + string.Concat(result.ErrorKinds.Select(k => $"|   error: {k.Key} × {k.Value} | | | | | | | | |\n")) + summary + "\n", ct);
        return result.Errors == 0 && lost == 0 && submitted == count ? 0 : 1;
    }

    public static async Task<T> Scalar<T>(NpgsqlDataSource pg, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = pg.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
    }
}
