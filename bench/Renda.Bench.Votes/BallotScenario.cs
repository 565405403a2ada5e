using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Renda.Bench.Load;
using Renda.Web.Features.Meetings;

namespace Renda.Bench.Votes;

/// <summary>
/// Target (a): the standing committee's members vote at the same moment. Through the HTTP API as the committee's
/// staff: a meeting scheduled for today (short notice, with its reason), every seated member recorded present,
/// the meeting opened; then, per round, an agenda item (or, in a secret round, a nomination), a vote prepared and
/// opened, every member's phone warmed with one GET of the vote, and then all members' ballots released at one
/// moment, next to as many simultaneous GET /api/v1/ping (the baseline, in the same round, order alternating). The
/// vote is closed by the staff and its result checked against what was sent, in the answer and in the database.
/// </summary>
public static class BallotScenario
{
    private sealed record Round(int Number, bool Secret, bool Sequential, Sent[] Ballots, Sent[] Ping, CpuMeter.Usage BallotCpu, CpuMeter.Usage PingCpu, double CloseMs, double ReadMs, int Yes, int No, int Abstain, List<string> Problems);

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var url = o.Get("url");
        var code = o.Get("code");
        var rounds = o.Int("rounds", 20);
        var secretEvery = o.Int("secret-every", 5);
        var warmupRounds = o.Int("warmup-rounds", 1);
        var sequentialRounds = o.Int("sequential-rounds", 2);
        await using var pg = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(o.Get("pg")) { ApplicationName = CpuMeter.ApplicationName }.ConnectionString);
        var cpu = new CpuMeter(o.Maybe("app-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null, pg);
        var members = (await BenchAccount.ReadAsync(o.Get("tokens"), ct)).Where(a => a.Kind == "member").ToList();
        var byPerson = members.ToDictionary(m => m.PersonId!.Value);

        using var staffClient = LoadRunner.Client(url, 4);
        var api = new Api(staffClient, await LoadRunner.TokenAsync(staffClient, o.Get("user"), o.Get("password"), ct));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var setup = Stopwatch.StartNew();
        var meeting = (await api.PostAsync($"/api/v1/congresses/{code}/meetings", new { startsOn = today, endsOn = today, place = "省人大常委会会议厅" }, HttpStatusCode.Created, ct))!;
        var meetingId = (int)meeting["id"]!;
        var roll = meeting["attendance"]!.AsArray().Select(a => (int)a!["personId"]!).ToList();
        if (roll.Count != members.Count || roll.Any(p => !byPerson.ContainsKey(p)))
            throw new InvalidOperationException($"the meeting's roll has {roll.Count} seated members, the tokens file {members.Count}: seed first");
        await api.PostAsync($"/api/v1/meetings/{meetingId}/notice", new { shortNoticeReason = "压力测试：临时召开，审议紧急事项" }, HttpStatusCode.NoContent, ct);
        await api.PostAsync($"/api/v1/meetings/{meetingId}/attendance", new { entries = roll.Select(p => new { personId = p, status = "Present" }) }, HttpStatusCode.NoContent, ct);
        await api.PostAsync($"/api/v1/meetings/{meetingId}/open", null, HttpStatusCode.NoContent, ct);
        var detail = (await api.GetAsync($"/api/v1/meetings/{meetingId}", ct))!;
        Console.WriteLine($"ballots scenario: {url} meeting {meetingId} “{detail["title"]}” {detail["startsOn"]}, {detail["status"]}, "
            + $"{detail["present"]} of {detail["seatedMembers"]} present; set up in {setup.Elapsed.TotalSeconds:F1} s");

        // Members in roll order; one phone (HTTP connection) each.
        var phones = roll.Select(_ => Api.Phone(url)).ToArray();
        var tokens = roll.Select(p => byPerson[p].Token).ToArray();
        var results = new List<Round>();
        try
        {
            for (var r = 1 - warmupRounds; r <= rounds + sequentialRounds; r++)
            {
                var round = await RoundAsync(api, pg, cpu, phones, tokens, roll, code, meetingId, today, r, secret: r > 0 && r <= rounds && r % secretEvery == 0, sequential: r > rounds, ct);
                results.Add(round);
                var b = Stats.Of(round.Ballots.Select(x => x.Ms));
                var p = Stats.Of(round.Ping.Select(x => x.Ms));
                Console.WriteLine($"  round {r,2}{(round.Secret ? " secret" : round.Sequential ? " 1-by-1" : "       ")}: ballots p50 {Report.F(b.P50)} p99 {Report.F(b.P99)} max {Report.F(b.Max)} ms, all in {Report.F(round.Ballots.Max(x => x.SinceGateMs))} ms; "
                    + $"ping p50 {Report.F(p.P50)} max {Report.F(p.Max)} ms; close {Report.F(round.CloseMs)} ms; {round.Yes}/{round.No}/{round.Abstain}; {(round.Problems.Count == 0 ? "checked" : string.Join("; ", round.Problems))}");
                await Task.Delay(300, ct);
            }
        }
        finally
        {
            foreach (var phone in phones) phone.Dispose();
        }
        await api.PostAsync($"/api/v1/meetings/{meetingId}/close", null, HttpStatusCode.NoContent, ct);
        return await SummariseAsync(o, results, members.Count, ct);
    }

    private static async Task<Round> RoundAsync(Api api, NpgsqlDataSource pg, CpuMeter cpu, HttpClient[] phones, string[] tokens, List<int> roll, string code, int meetingId, DateOnly today, int r, bool secret, bool sequential, CancellationToken ct)
    {
        int voteId;
        if (secret)
        {
            var a = (await api.PostAsync($"/api/v1/congresses/{code}/appointments", new
            {
                meetingId, kind = "Appointment", personName = $"压测任命{r:00}", gender = "Female", birthDate = new DateOnly(1975, 5, 1), post = $"省人民政府某厅副厅长（{r}）",
                nominator = "青海省人民政府", nominatedOn = today, lateNominationReason = "压力测试：临时提请", biography = "1975年5月生，大学学历。",
                lawExamRequired = false, oathOrganiser = "StandingCommittee",
            }, HttpStatusCode.Created, ct))!;
            var detail = (await api.GetAsync($"/api/v1/meetings/{meetingId}", ct))!;
            var item = detail["agenda"]!.AsArray().Last(x => (string)x!["kind"]! == "Appointment" && (string)x["outcome"]! == "Pending")!;
            voteId = (int)(await api.PostAsync($"/api/v1/meetings/{meetingId}/votes", new { agendaItemId = (int)item["id"]!, kind = "Appointment", appointmentIds = new[] { (int)a["id"]! } }, HttpStatusCode.Created, ct))!["id"]!;
        }
        else
        {
            var item = (await api.PostAsync($"/api/v1/meetings/{meetingId}/agenda", new { kind = "Resolution", title = $"关于压力测试第{r + 100}号事项的决定" }, HttpStatusCode.Created, ct))!;
            voteId = (int)(await api.PostAsync($"/api/v1/meetings/{meetingId}/votes", new { agendaItemId = (int)item["id"]!, kind = "Whole" }, HttpStatusCode.Created, ct))!["id"]!;
        }
        await api.PostAsync($"/api/v1/votes/{voteId}/open", null, HttpStatusCode.NoContent, ct);

        var problems = new List<string>();
        // Each phone opens the vote page (one GET): the connection is up and the member may vote.
        var warm = await Barrier.FireAsync(phones, i => Api.Request(HttpMethod.Get, $"/api/v1/votes/{voteId}", tokens[i], null), HttpStatusCode.OK, ct);
        if (warm.Any(w => w.Status != 200)) problems.Add($"warm-up GET: {warm.Count(w => w.Status != 200)} failed ({warm.First(w => w.Status != 200).Body})");

        // Choices differ per round: yes from 30 to 64 of 70, the rest split between no and abstain, spread over the roll.
        var n = roll.Count;
        var yes = Math.Min(n, 30 + (r + 5) * 7 % 35);
        var no = (n - yes) * 2 / 3;
        var order = Enumerable.Range(0, n).OrderBy(i => (i * 37 + r * 11) % n).ToArray();
        var choices = new BallotChoice[n];
        for (var k = 0; k < n; k++) choices[order[k]] = k < yes ? BallotChoice.Yes : k < yes + no ? BallotChoice.No : BallotChoice.Abstain;

        Sent[] ping = [], ballots = [];
        CpuMeter.Usage pingCpu = default, ballotCpu = default;
        Func<IReadOnlyList<HttpClient>, Func<int, HttpRequestMessage>, HttpStatusCode, CancellationToken, Task<Sent[]>> fire = sequential ? OneByOne.SendAsync : Barrier.FireAsync;
        async Task Ping()
        {
            var before = await cpu.TakeAsync(ct);
            ping = await fire(phones, i => Api.Request(HttpMethod.Get, "/api/v1/ping", tokens[i], null), HttpStatusCode.OK, ct);
            pingCpu = CpuMeter.Between(before, await cpu.TakeAsync(ct));
        }
        async Task Ballots()
        {
            var before = await cpu.TakeAsync(ct);
            ballots = await fire(phones, i => Api.Request(HttpMethod.Post, $"/api/v1/votes/{voteId}/ballots", tokens[i], new { choice = choices[i].ToString() }), HttpStatusCode.Created, ct);
            ballotCpu = CpuMeter.Between(before, await cpu.TakeAsync(ct));
        }
        if (r % 2 != 0)
        {
            await Ping();
            await Task.Delay(200, ct);
            await Ballots();
        }
        else
        {
            await Ballots();
            await Task.Delay(200, ct);
            await Ping();
        }
        if (ballots.Any(b => b.Status != 201)) problems.Add($"ballots: {ballots.Count(b => b.Status != 201)} not recorded ({ballots.First(b => b.Status != 201).Status} {ballots.First(b => b.Status != 201).Body})");
        if (ping.Any(b => b.Status != 200)) problems.Add($"ping: {ping.Count(b => b.Status != 200)} failed");

        // The staff close the vote: the answer is the result.
        var t0 = Stopwatch.GetTimestamp();
        var closed = (await api.PostAsync($"/api/v1/votes/{voteId}/close", null, HttpStatusCode.OK, ct))!;
        var closeMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var sent = (Yes: choices.Count(c => c == BallotChoice.Yes), No: choices.Count(c => c == BallotChoice.No), Abstain: choices.Count(c => c == BallotChoice.Abstain));
        if ((string)closed["status"]! != "Closed") problems.Add($"status {closed["status"]}");
        if ((int?)closed["yes"] != sent.Yes || (int?)closed["no"] != sent.No || (int?)closed["abstain"] != sent.Abstain)
            problems.Add($"result {closed["yes"]}/{closed["no"]}/{closed["abstain"]}, sent {sent.Yes}/{sent.No}/{sent.Abstain}");
        if ((int)closed["ballotsCast"]! != n || (int?)closed["presentNotVoting"] != 0 || (int?)closed["absent"] != 0)
            problems.Add($"ballots cast {closed["ballotsCast"]}, present not voting {closed["presentNotVoting"]}, absent {closed["absent"]}");
        if ((bool?)closed["passed"] != (sent.Yes * 2 > n)) problems.Add($"passed {closed["passed"]} with {sent.Yes} of {n}");
        var resultOf = closed["members"]!.AsArray().ToDictionary(m => (int)m!["personId"]!, m => (string?)m!["result"]);
        for (var i = 0; i < n; i++)
        {
            var expected = secret ? "Voted" : choices[i].ToString();
            if (resultOf.GetValueOrDefault(roll[i]) != expected) { problems.Add($"member {roll[i]}: {resultOf.GetValueOrDefault(roll[i])}, expected {expected}"); break; }
        }

        // A member's phone reads the result right after.
        var t1 = Stopwatch.GetTimestamp();
        var read = (await new Api(phones[0], tokens[0]).GetAsync($"/api/v1/votes/{voteId}", ct))!;
        var readMs = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        if ((string)read["status"]! != "Closed" || (int?)read["yes"] != sent.Yes) problems.Add("the member's read after closing does not show the result");

        // The database: one ballot per member, no choice on a secret ballot, the papers (secret) or the choices (roll call) as sent, the digest sealed.
        var rows = await Db.RowsAsync(pg, """SELECT "PersonId", "Choice" FROM "VoteBallots" WHERE "VoteId" = $1 ORDER BY "PersonId" """, ct, voteId);
        var papers = await Db.RowsAsync(pg, """SELECT "Choice" FROM "SecretBallotPapers" WHERE "VoteId" = $1""", ct, voteId);
        if (rows.Count != n || rows.Select(x => (int)x[0]).Distinct().Count() != n) problems.Add($"database: {rows.Count} ballots of {rows.Select(x => (int)x[0]).Distinct().Count()} members");
        var byPersonChoice = roll.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => choices[x.i]);
        if (secret)
        {
            if (rows.Any(x => x[1] is not DBNull)) problems.Add("database: a secret ballot carries its choice");
            var paperChoices = papers.Select(x => Enum.Parse<BallotChoice>((string)x[0])).ToList();
            if (paperChoices.Count != n || paperChoices.Count(c => c == BallotChoice.Yes) != sent.Yes || paperChoices.Count(c => c == BallotChoice.No) != sent.No)
                problems.Add($"database: {paperChoices.Count} papers, {paperChoices.Count(c => c == BallotChoice.Yes)} yes");
        }
        else if (papers.Count != 0 || rows.Any(x => x[1] is DBNull || Enum.Parse<BallotChoice>((string)x[1]) != byPersonChoice[(int)x[0]]))
            problems.Add("database: a roll-call ballot differs from what the member sent");
        var ballotsForDigest = rows.Select(x => new VoteBallot { VoteId = voteId, PersonId = (int)x[0], Choice = x[1] is DBNull ? null : Enum.Parse<BallotChoice>((string)x[1]) }).ToList();
        var digest = VoteWorkflow.Digest(new Vote { Id = voteId, Title = "" }, ballotsForDigest, papers.Select(x => Enum.Parse<BallotChoice>((string)x[0])).ToList());
        if ((string?)closed["ballotDigest"] != digest) problems.Add("the sealed digest differs from the ballots in the database");
        return new Round(r, secret, sequential, ballots, ping, ballotCpu, pingCpu, closeMs, readMs, sent.Yes, sent.No, sent.Abstain, problems);
    }

    private static async Task<int> SummariseAsync(Options o, List<Round> all, int members, CancellationToken ct)
    {
        var measured = all.Where(r => r.Number > 0 && !r.Sequential).ToList();
        var sequential = all.Where(r => r.Sequential).ToList();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"#### (a) {members} members' ballots at the same moment, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        sb.AppendLine("Per round (ms; \"all in\" = from the release of the barrier to the last answer):\n");
        sb.AppendLine("| round | kind | ping p50 | ping max | ballot p50 | ballot p95 | ballot p99 | ballot max | all in | close | read after | yes/no/abstain | checks |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in all)
        {
            var b = Stats.Of(r.Ballots.Select(x => x.Ms));
            var p = Stats.Of(r.Ping.Select(x => x.Ms));
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {(r.Number > 0 ? r.Number.ToString(CultureInfo.InvariantCulture) : $"warm-up {1 - r.Number}")} | {(r.Secret ? "secret" : r.Sequential ? "roll call, one by one" : "roll call")} | {Report.F(p.P50)} | {Report.F(p.Max)} | {Report.F(b.P50)} | {Report.F(b.P95)} | {Report.F(b.P99)} | {Report.F(b.Max)} | {Report.F(r.Ballots.Max(x => x.SinceGateMs))} | {Report.F(r.CloseMs)} | {Report.F(r.ReadMs)} | {r.Yes}/{r.No}/{r.Abstain} | {(r.Problems.Count == 0 ? "ok" : string.Join("; ", r.Problems))} |");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Folded over the {measured.Count} measured rounds of simultaneous requests (warm-up rounds excluded), every request of every round; then the rounds sent one by one:\n");
        sb.AppendLine("| requests | n | p50 ms | p95 ms | p99 ms | max ms | mean ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        void Line(string name, IEnumerable<double> v)
        {
            var s = Stats.Of(v);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {Report.F(s.P50)} | {Report.F(s.P95)} | {Report.F(s.P99)} | {Report.F(s.Max)} | {Report.F(s.Mean)} |");
        }
        var warmups = all.Where(r => r.Number <= 0).ToList();
        if (warmups.Count > 0)
        {
            Line($"warm-up: GET /api/v1/ping ({warmups.Count} rounds)", warmups.SelectMany(r => r.Ping).Select(x => x.Ms));
            Line($"warm-up: POST …/ballots ({warmups.Count} rounds)", warmups.SelectMany(r => r.Ballots).Select(x => x.Ms));
        }
        Line("GET /api/v1/ping (baseline)", measured.SelectMany(r => r.Ping).Select(x => x.Ms));
        Line("POST …/ballots, all rounds", measured.SelectMany(r => r.Ballots).Select(x => x.Ms));
        Line("POST …/ballots, roll call", measured.Where(r => !r.Secret).SelectMany(r => r.Ballots).Select(x => x.Ms));
        Line("POST …/ballots, secret", measured.Where(r => r.Secret).SelectMany(r => r.Ballots).Select(x => x.Ms));
        Line("ballots, since the barrier", measured.SelectMany(r => r.Ballots).Select(x => x.SinceGateMs));
        Line("all 70 in (per round)", measured.Select(r => r.Ballots.Max(x => x.SinceGateMs)));
        Line("POST …/close (per round)", measured.Select(r => r.CloseMs));
        Line("GET the vote after closing", measured.Select(r => r.ReadMs));
        if (sequential.Count > 0)
        {
            Line("one by one: GET /api/v1/ping", sequential.SelectMany(r => r.Ping).Select(x => x.Ms));
            Line("one by one: POST …/ballots", sequential.SelectMany(r => r.Ballots).Select(x => x.Ms));
        }
        if (all.Any(r => r.PingCpu.AppMs + r.PingCpu.DbMs > 0))
        {
            sb.AppendLine();
            sb.AppendLine("CPU time per request (ms; the app's process and the PostgreSQL backends of its database from /proc, the load generator's own process; summed over the rounds and divided by the requests):\n");
            sb.AppendLine("| requests | app | PostgreSQL | app + PostgreSQL | load generator |");
            sb.AppendLine("|---|---:|---:|---:|---:|");
            void CpuLine(string name, IEnumerable<CpuMeter.Usage> usage, int requests)
            {
                var u = usage.Aggregate(default(CpuMeter.Usage), (a, b) => a + b);
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {u.AppMs / requests:F2} | {u.DbMs / requests:F2} | {(u.AppMs + u.DbMs) / requests:F2} | {u.BenchMs / requests:F2} |");
            }
            if (warmups.Count > 0)
            {
                CpuLine("warm-up: ping, simultaneous", warmups.Select(r => r.PingCpu), warmups.Sum(r => r.Ping.Length));
                CpuLine("warm-up: ballots, simultaneous", warmups.Select(r => r.BallotCpu), warmups.Sum(r => r.Ballots.Length));
            }
            CpuLine("ping, simultaneous", measured.Select(r => r.PingCpu), measured.Sum(r => r.Ping.Length));
            CpuLine("ballots, simultaneous", measured.Select(r => r.BallotCpu), measured.Sum(r => r.Ballots.Length));
            if (sequential.Count > 0)
            {
                CpuLine("ping, one by one", sequential.Select(r => r.PingCpu), sequential.Sum(r => r.Ping.Length));
                CpuLine("ballots, one by one", sequential.Select(r => r.BallotCpu), sequential.Sum(r => r.Ballots.Length));
            }
        }
        var ballots = Stats.Of(measured.SelectMany(r => r.Ballots).Select(x => x.Ms));
        var ping = Stats.Of(measured.SelectMany(r => r.Ping).Select(x => x.Ms));
        var failures = all.Where(r => r.Number > 0).Sum(r => r.Problems.Count);
        var perRoundP99 = measured.Select(r => Stats.Of(r.Ballots.Select(x => x.Ms)).P99).Order().ToList();
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"ballot ÷ ping: p50 {ballots.P50 / ping.P50:F2}×, p99 {ballots.P99 / ping.P99:F2}×; per-round ballot p99: median {Report.F(perRoundP99[perRoundP99.Count / 2])} ms, worst {Report.F(perRoundP99[^1])} ms");
        sb.AppendLine(CultureInfo.InvariantCulture, $"rounds with a failed check: {measured.Count(r => r.Problems.Count > 0)} of {measured.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"target (a) p99 ≤ 100 ms for each ballot: {(ballots.P99 <= 100 ? "met" : "not met")} (p99 {Report.F(ballots.P99)} ms); result available at closing: {(failures == 0 ? "met" : "not met")} (close p50 {Report.F(Stats.Of(measured.Select(r => r.CloseMs)).P50)} ms, result in its answer)\n");
        await Report.WriteAsync(o.Maybe("out"), sb, ct);
        return failures == 0 ? 0 : 1;
    }
}
