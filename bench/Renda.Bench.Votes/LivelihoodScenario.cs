using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using Renda.Bench.Load;
using Renda.Web.Features.Meetings;

namespace Renda.Bench.Votes;

/// <summary>
/// Target (b): every deputy of a congress votes in the livelihood-projects ballot (民生实事项目票决). The staff create
/// the ballot, enter the candidates and open it through the API; then every seeded deputy sends one ballot
/// (1–Places ticks, weighted so that the ranking is not flat; 1 % blank), by --concurrency workers in a closed loop,
/// in a shuffled order with, among them: deputies who send the same ballot twice at the same moment, deputies who
/// send a second, different ballot after the first was accepted (both must get 409 for the second), and accounts
/// without a serving mandate (403). The whole run is timed. Then the staff close the ballot and everything is
/// checked in the database: receipts, papers, the tally from the papers against the API's votes and against what
/// was accepted, the sealed digest. GET /api/v1/ping at the same concurrency before and after is the baseline.
/// </summary>
public static class LivelihoodScenario
{
    private enum Kind { Single, Race, Again, NonDeputy }

    private sealed record Job(Kind Kind, BenchAccount Account, int[] Ticks, int[] Second);

    private readonly record struct Answer(Kind Kind, bool First, string UserName, int[] Ticks, int Status, double Ms, double At);

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var url = o.Get("url");
        var code = o.Get("code");
        var concurrency = o.Int("concurrency", 64);
        var candidates = o.Int("candidates", 12);
        var places = o.Int("places", 6);
        var duplicateShare = double.Parse(o.Maybe("duplicates") ?? "0.05", CultureInfo.InvariantCulture);
        var pingSeconds = o.Int("ping-seconds", 10);
        await using var pg = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(o.Get("pg")) { ApplicationName = CpuMeter.ApplicationName }.ConnectionString);
        var cpu = new CpuMeter(o.Maybe("app-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null, pg);
        var accounts = await BenchAccount.ReadAsync(o.Get("tokens"), ct);
        var deputies = accounts.Where(a => a.Kind == "deputy").ToList();
        var nonDeputies = accounts.Where(a => a.Kind == "non-deputy").ToList();

        using var staffClient = LoadRunner.Client(url, 4);
        var api = new Api(staffClient, await LoadRunner.TokenAsync(staffClient, o.Get("user"), o.Get("password"), ct));
        var year = DateTime.UtcNow.AddHours(8).Year;
        var created = (await api.PostAsync($"/api/v1/congresses/{code}/livelihood-ballots", new
        {
            year = year + 1, title = $"{year + 1}年民生实事项目人大代表票决（压力测试）", session = "第十五届人民代表大会第五次会议", places, tieRule = "SubmissionOrder",
        }, HttpStatusCode.Created, ct))!;
        var ballotId = (int)created["id"]!;
        string[] departments = ["州教育局", "州卫生健康委员会", "州住房和城乡建设局", "州交通运输局", "州民政局", "州水利局", "州人力资源和社会保障局", "州农业农村局"];
        for (var i = 1; i <= candidates; i++)
            await api.PostAsync($"/api/v1/livelihood-ballots/{ballotId}/projects", new
            {
                name = $"民生实事候选项目{i:00}", department = departments[i % departments.Length], budget = 500m + i * 137.5m, description = $"第{i}号候选项目：改善群众生产生活条件的具体措施。",
            }, HttpStatusCode.Created, ct);
        await api.PostAsync($"/api/v1/livelihood-ballots/{ballotId}/open", null, HttpStatusCode.NoContent, ct);
        var opened = (await api.GetAsync($"/api/v1/livelihood-ballots/{ballotId}", ct))!;
        var projects = opened["projects"]!.AsArray().Select(p => (int)p!["id"]!).ToArray();
        Console.WriteLine($"livelihood scenario: {url} ballot {ballotId}, {projects.Length} candidates for {places} places, status {opened["status"]}, "
            + $"{opened["eligibleDeputies"]} eligible deputies; {deputies.Count} deputies vote, concurrency {concurrency}");

        // The jobs, in a fixed shuffled order.
        var random = new Random(2026);
        int[] Ticks()
        {
            if (random.Next(100) == 0) return [];
            var k = 1 + random.Next(places);
            // Earlier candidates are more popular: weight 2·n − i.
            var pool = projects.Select((id, i) => (id, w: 2.0 * projects.Length - i)).ToList();
            var chosen = new List<int>();
            while (chosen.Count < k)
            {
                var x = random.NextDouble() * pool.Sum(p => p.w);
                var j = 0;
                while (x > pool[j].w) x -= pool[j++].w;
                chosen.Add(pool[j].id);
                pool.RemoveAt(j);
            }
            return [.. chosen];
        }
        var duplicates = (int)Math.Round(deputies.Count * duplicateShare);
        var twice = new HashSet<int>(Enumerable.Range(0, deputies.Count).OrderBy(_ => random.Next()).Take(duplicates));
        var raceNext = true;
        var jobs = deputies.Select((d, i) =>
        {
            var kind = !twice.Contains(i) ? Kind.Single : (raceNext = !raceNext) ? Kind.Race : Kind.Again;
            var ticks = Ticks();
            return new Job(kind, d, ticks, kind == Kind.Again ? Ticks() : ticks);
        }).Concat(nonDeputies.Select(a => new Job(Kind.NonDeputy, a, [projects[0]], []))).OrderBy(_ => random.Next()).ToList();

        using var client = LoadRunner.Client(url, concurrency);
        var pingToken = deputies[0].Token;
        var cpuPing0 = await cpu.TakeAsync(ct);
        var pingBefore = await LoadRunner.ClosedLoopAsync("GET /api/v1/ping before", client, concurrency, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(pingSeconds),
            _ => LoadRunner.Get("/api/v1/ping", pingToken), ct);
        var pingCpu = CpuMeter.Between(cpuPing0, await cpu.TakeAsync(ct));

        // Active sessions of the app's database, and those waiting for a lock, every 250 ms.
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var samples = new ConcurrentQueue<(int Active, int Lock)>();
        var sampler = Task.Run(async () =>
        {
            await using var conn = await pg.OpenConnectionAsync(sampling.Token);
            while (!sampling.IsCancellationRequested)
            {
                await using (var cmd = new NpgsqlCommand("""
                    SELECT count(*) FILTER (WHERE state = 'active')::int, count(*) FILTER (WHERE wait_event_type = 'Lock')::int
                    FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """, conn))
                await using (var rd = await cmd.ExecuteReaderAsync(sampling.Token))
                    if (await rd.ReadAsync(sampling.Token)) samples.Enqueue((rd.GetInt32(0), rd.GetInt32(1)));
                await Task.Delay(250, sampling.Token);
            }
        }, sampling.Token);

        var answers = new ConcurrentBag<Answer>();
        var cpuRun0 = await cpu.TakeAsync(ct);
        var clock = Stopwatch.StartNew();
        async Task<Answer> CastAsync(Job job, bool first, int[] ticks)
        {
            using var m = Api.Request(HttpMethod.Post, $"/api/v1/livelihood-ballots/{ballotId}/ballots", job.Account.Token, new { projectIds = ticks });
            var t0 = clock.Elapsed;
            int status;
            try
            {
                using var response = await client.SendAsync(m, ct);
                status = (int)response.StatusCode;
                if (status is not (201 or 409 or 403))
                    Console.Error.WriteLine($"  ! {status} {job.Account.UserName}: {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Console.Error.WriteLine($"  ! {job.Account.UserName}: {e.GetType().Name} {e.Message}");
                status = 0;
            }
            var t1 = clock.Elapsed;
            return new Answer(job.Kind, first, job.Account.UserName, ticks, status, (t1 - t0).TotalMilliseconds, t1.TotalSeconds);
        }
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Count)
            {
                var job = jobs[i];
                switch (job.Kind)
                {
                    case Kind.Race:
                        // The same ballot twice at the same moment (a double tap): one must be recorded, the other refused.
                        foreach (var a in await Task.WhenAll(CastAsync(job, true, job.Ticks), CastAsync(job, false, job.Ticks))) answers.Add(a);
                        break;
                    case Kind.Again:
                        answers.Add(await CastAsync(job, true, job.Ticks));
                        answers.Add(await CastAsync(job, false, job.Second));
                        break;
                    default:
                        answers.Add(await CastAsync(job, true, job.Ticks));
                        break;
                }
            }
        }, ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        var runCpu = CpuMeter.Between(cpuRun0, await cpu.TakeAsync(ct));
        await sampling.CancelAsync();
        try { await sampler; } catch (OperationCanceledException) { }

        var pingAfter = await LoadRunner.ClosedLoopAsync("GET /api/v1/ping after", client, concurrency, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(pingSeconds),
            _ => LoadRunner.Get("/api/v1/ping", pingToken), ct);

        var t = Stopwatch.StartNew();
        var closed = (await api.PostAsync($"/api/v1/livelihood-ballots/{ballotId}/close", null, HttpStatusCode.OK, ct))!;
        var closeMs = t.Elapsed.TotalMilliseconds;

        // What the client saw.
        var list = answers.ToList();
        var accepted = list.Where(a => a.Status == 201).ToList();
        var byUser = list.Where(a => a.Kind != Kind.NonDeputy).GroupBy(a => a.UserName).ToList();
        var deputiesAccepted = byUser.Count(g => g.Count(a => a.Status == 201) == 1);
        var doubleAccepted = byUser.Count(g => g.Count(a => a.Status == 201) > 1);
        var noneAccepted = byUser.Count(g => g.All(a => a.Status != 201));
        var duplicatesRefused = byUser.Count(g => g.Count() == 2 && g.Count(a => a.Status == 201) == 1 && g.Count(a => a.Status == 409) == 1);
        var againWrong = list.Count(a => a.Kind == Kind.Again && (a.First ? a.Status != 201 : a.Status != 409));
        var nonDeputyRefused = list.Count(a => a.Kind == Kind.NonDeputy && a.Status == 403);
        var errors = list.Count(a => a.Status is not (201 or 409 or 403));

        // What the database holds.
        var receipts = await Db.RowsAsync(pg, """
            SELECT r."DeputyId", a."UserName" FROM "LivelihoodBallotReceipts" r JOIN "Deputies" d ON d."Id" = r."DeputyId"
            LEFT JOIN "Accounts" a ON a."PersonId" = d."PersonId" AND a."CongressId" = d."CongressId" WHERE r."BallotId" = $1
            """, ct, ballotId);
        var papers = (await Db.RowsAsync(pg, """SELECT "Choices" FROM "LivelihoodBallotPapers" WHERE "BallotId" = $1""", ct, ballotId)).Select(x => (string)x[0]).ToList();
        var tallyFromPapers = (await Db.RowsAsync(pg, """
            SELECT x::int, count(*)::int FROM "LivelihoodBallotPapers" p, unnest(string_to_array(NULLIF(p."Choices", ''), ',')) AS x WHERE p."BallotId" = $1 GROUP BY 1
            """, ct, ballotId)).ToDictionary(x => (int)x[0], x => (int)x[1]);
        var receiptUsers = receipts.Select(x => x[1] as string ?? "?").ToList();
        var acceptedUsers = accepted.Where(a => a.Kind != Kind.NonDeputy).Select(a => a.UserName).ToHashSet();
        var receiptsMatch = receiptUsers.Count == acceptedUsers.Count && receiptUsers.ToHashSet().SetEquals(acceptedUsers);
        var sentPapers = accepted.Select(a => LivelihoodChoices.Format(a.Ticks)).Order(StringComparer.Ordinal).ToList();
        var papersMatch = papers.Order(StringComparer.Ordinal).SequenceEqual(sentPapers);
        var expectedTally = projects.ToDictionary(p => p, p => accepted.Count(a => a.Ticks.Contains(p)));
        var apiVotes = closed["projects"]!.AsArray().ToDictionary(p => (int)p!["id"]!, p => (int?)p!["votes"]);
        var tallyMatches = projects.All(p => apiVotes[p] == tallyFromPapers.GetValueOrDefault(p) && apiVotes[p] == expectedTally[p]);
        var digest = LivelihoodBallotWorkflow.Digest(ballotId, receipts.Select(x => (int)x[0]), papers);
        var digestMatches = (string?)closed["ballotDigest"] == digest;
        var lost = accepted.Count - Math.Min(receipts.Count, papers.Count);

        var first = Stats.Of(accepted.Select(a => a.Ms));
        var all = Stats.Of(list.Select(a => a.Ms));
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"#### (b) Livelihood-projects ballot: {deputies.Count:N0} deputies, concurrency {concurrency}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Ballot {ballotId}: {projects.Length} candidates, {places} places, {opened["eligibleDeputies"]} eligible (serving) deputies; "
            + $"{list.Count:N0} requests: {jobs.Count(j => j.Kind == Kind.Single):N0} single ballots, {jobs.Count(j => j.Kind == Kind.Race)} double taps (two identical at once), {jobs.Count(j => j.Kind == Kind.Again)} second, different ballots after the first, {nonDeputies.Count} from accounts without a serving mandate.\n");
        sb.AppendLine("| requests | n | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| GET /api/v1/ping before ({pingSeconds} s) | {pingBefore.Count} | {pingBefore.Throughput:F0} | {Report.F(pingBefore.P50)} | {Report.F(pingBefore.P95)} | {Report.F(pingBefore.P99)} | {Report.F(pingBefore.Max)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| **all ballot requests** ({seconds:F1} s) | {all.Count} | {all.Count / seconds:F0} | {Report.F(all.P50)} | {Report.F(all.P95)} | {Report.F(all.P99)} | {Report.F(all.Max)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| recorded ballots (201, one request each) | {first.Count} | | {Report.F(first.P50)} | {Report.F(first.P95)} | {Report.F(first.P99)} | {Report.F(first.Max)} |");
        var refusedDup = Stats.Of(list.Where(a => a.Status == 409).Select(a => a.Ms));
        var refusedNon = Stats.Of(list.Where(a => a.Status == 403).Select(a => a.Ms));
        sb.AppendLine(CultureInfo.InvariantCulture, $"| refused duplicates (409) | {refusedDup.Count} | | {Report.F(refusedDup.P50)} | {Report.F(refusedDup.P95)} | {Report.F(refusedDup.P99)} | {Report.F(refusedDup.Max)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| refused non-deputies (403) | {refusedNon.Count} | | {Report.F(refusedNon.P50)} | {Report.F(refusedNon.P95)} | {Report.F(refusedNon.P99)} | {Report.F(refusedNon.Max)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| GET /api/v1/ping after ({pingSeconds} s) | {pingAfter.Count} | {pingAfter.Throughput:F0} | {Report.F(pingAfter.P50)} | {Report.F(pingAfter.P95)} | {Report.F(pingAfter.P99)} | {Report.F(pingAfter.Max)} |");
        sb.AppendLine();
        var pingRate = (pingBefore.Throughput + pingAfter.Throughput) / 2;
        sb.AppendLine(CultureInfo.InvariantCulture, $"whole run: {seconds:F1} s for {deputies.Count:N0} deputies ({deputies.Count / seconds:F0} ballots/s; {all.Count / seconds / pingRate:P0} of ping's request rate); close: {closeMs:F0} ms");
        if (cpu.Enabled)
        {
            // The ping loop includes its 2 s warm-up.
            var pings = pingBefore.Count * (pingSeconds + 2.0) / pingSeconds;
            sb.AppendLine(CultureInfo.InvariantCulture, $"CPU per request (app + PostgreSQL backends, /proc): ballot requests {runCpu.AppMs / list.Count:F2} + {runCpu.DbMs / list.Count:F2} ms; ping about {pingCpu.AppMs / pings:F2} + {pingCpu.DbMs / pings:F2} ms");
        }
        if (!samples.IsEmpty)
            sb.AppendLine(CultureInfo.InvariantCulture, $"database sessions sampled every 250 ms ({samples.Count}): active mean {samples.Average(s => s.Active):F1}, max {samples.Max(s => s.Active)}; waiting for a lock mean {samples.Average(s => s.Lock):F2}, max {samples.Max(s => s.Lock)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"client: {deputiesAccepted:N0} deputies with exactly one ballot recorded, {doubleAccepted} with two, {noneAccepted} with none; duplicates refused {duplicatesRefused} of {duplicates} (second ballots answered otherwise than 201 then 409: {againWrong}); non-deputies refused {nonDeputyRefused} of {nonDeputies.Count}; other answers or errors: {errors}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"database: {receipts.Count:N0} receipts of {receipts.Select(x => (int)x[0]).Distinct().Count():N0} distinct deputies (the accepted deputies exactly: {(receiptsMatch ? "yes" : "NO")}), {papers.Count:N0} papers (the accepted ballots exactly: {(papersMatch ? "yes" : "NO")}); API ballotsCast {closed["ballotsCast"]}");
        var tally = string.Join(", ", closed["projects"]!.AsArray().Select(p => $"#{p!["order"]} {p["votes"]}{((bool)p["adopted"]! ? "✓" : "")}"));
        sb.AppendLine(CultureInfo.InvariantCulture, $"tally per project (API votes = count over the papers in SQL = count over the accepted ballots): {(tallyMatches ? "equal" : "DIFFERENT")} — {tally}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"sealed digest equals the digest of the receipts and papers in the database: {(digestMatches ? "yes" : "NO")}; lost ballots: {lost}; double votes: {doubleAccepted}");
        var ok = errors == 0 && lost == 0 && doubleAccepted == 0 && noneAccepted == 0 && duplicatesRefused == duplicates && againWrong == 0 && nonDeputyRefused == nonDeputies.Count
            && receiptsMatch && papersMatch && tallyMatches && digestMatches && receipts.Count == deputies.Count && (int)closed["ballotsCast"]! == deputies.Count;
        sb.AppendLine(CultureInfo.InvariantCulture, $"target (b) within 5 minutes, 0 lost, 0 double, tally correct: {(ok && seconds < 300 ? "met" : "not met")} ({seconds:F1} s)\n");
        await Report.WriteAsync(o.Maybe("out"), sb, ct);
        return ok && seconds < 300 ? 0 : 1;
    }
}
