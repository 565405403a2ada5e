using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Renda.Bench.Load;
using Renda.Web.Platform.Identity;

namespace Renda.Bench.Votes;

/// <summary>
/// Seeds, directly in a database the app has migrated and loaded with the demo story (Renda:Demo=true):
/// (1) the standing committee of --members-code brought to --members seated members (the demo's Qinghai has 66;
/// the missing seats are added as 委员 seated a month ago), each with an account linked by PersonId and the role
/// StandingCommitteeMember; (2) --deputies serving deputies of --deputies-code with accounts (role Deputy);
/// (3) --non-deputies accounts of that congress that may not vote (half without a mandate, half former deputies
/// whose mandate ended — status Resigned — but who kept the Deputy role). All accounts share one password hash
/// (Passwords.Hash, computed once). Their bearer tokens are not fetched through POST /api/v1/auth/token (PBKDF2,
/// ~30 ms each, 20 minutes for 10,000 on this machine) but written as the app writes them: a random 256-bit token,
/// its SHA-256 (Logins.HashToken) in "ApiTokens", valid 8 hours (the default ApiTokenHours). These rows bypass
/// the audit chain (no "token-issued" event): they stand for sign-ins before the measurement.
/// The tokens go to --tokens, one line per account: kind, account id, person id, user name, token.
/// </summary>
public static class VoteSeeder
{
    public const string MemberPrefix = "benchsc";
    public const string DeputyPrefix = "benchdep";
    public const string NonDeputyPrefix = "benchnd";

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var pg = NpgsqlDataSource.Create(o.Get("pg"));
        await using var conn = await pg.OpenConnectionAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // the app's WorkCalendar.Today: Beijing time
        var hash = Passwords.Hash(new Account { UserName = "bench", DisplayName = "bench" }, o.Get("password"));

        var membersCode = o.Maybe("members-code") ?? "630000";
        var members = o.Int("members", 70);
        var membersCongress = await Db.ScalarAsync<int>(conn, """SELECT "Id" FROM "Congresses" WHERE "Code" = $1""", ct, membersCode);
        var seated = await Db.ScalarAsync<long>(conn, """
            SELECT count(*) FROM "StandingCommitteeMembers" WHERE "CongressId" = $1 AND "SeatedOn" <= $2 AND ("LeftOn" IS NULL OR "LeftOn" > $2)
            """, ct, membersCongress, today);
        if (seated > members) throw new InvalidOperationException($"{membersCode} already has {seated} seated members, more than {members}");
        if (seated < members)
        {
            var term = await Db.ScalarAsync<int>(conn, """SELECT "Id" FROM "Terms" WHERE "CongressId" = $1 ORDER BY "Number" DESC LIMIT 1""", ct, membersCongress);
            await Db.ExecAsync(conn, """
                INSERT INTO "People" ("Name", "Gender", "Ethnicity", "Party", "Occupation")
                SELECT '压测委员' || lpad(i::text, 2, '0'), 'Male', '汉族', '中国共产党', '省人大常委会委员' FROM generate_series(1, $1) i
                """, ct, (int)(members - seated));
            await Db.ExecAsync(conn, """
                INSERT INTO "StandingCommitteeMembers" ("CongressId", "TermId", "PersonId", "Post", "SeatedOn")
                SELECT $1, $2, p."Id", 'Member', $3 FROM "People" p
                WHERE p."Name" LIKE '压测委员%' AND NOT EXISTS (SELECT 1 FROM "StandingCommitteeMembers" m WHERE m."PersonId" = p."Id")
                """, ct, membersCongress, term, today.AddDays(-30));
        }
        // Every seated member without an account of this congress gets one.
        await Db.ExecAsync(conn, $"""
            INSERT INTO "Accounts" ("UserName", "DisplayName", "CongressId", "PersonId", "PasswordHash", "PasswordChangedAt", "MustChangePassword", "IsDemo", "Enabled")
            SELECT '{MemberPrefix}' || lpad((row_number() OVER (ORDER BY m."Id"))::text, 2, '0'), p."Name", m."CongressId", m."PersonId", $3, now(), false, false, true
            FROM "StandingCommitteeMembers" m JOIN "People" p ON p."Id" = m."PersonId"
            WHERE m."CongressId" = $1 AND m."SeatedOn" <= $2 AND (m."LeftOn" IS NULL OR m."LeftOn" > $2)
              AND NOT EXISTS (SELECT 1 FROM "Accounts" a WHERE a."PersonId" = m."PersonId" AND a."CongressId" = m."CongressId")
            """, ct, membersCongress, today, hash);
        await Db.ExecAsync(conn, $"""
            INSERT INTO "RoleAssignments" ("AccountId", "Role")
            SELECT a."Id", 'StandingCommitteeMember' FROM "Accounts" a
            WHERE a."UserName" LIKE '{MemberPrefix}%' AND NOT EXISTS (SELECT 1 FROM "RoleAssignments" r WHERE r."AccountId" = a."Id")
            """, ct);
        Console.WriteLine($"  {membersCode}: {members} seated members ({members - seated} seats added), accounts ready ({clock.Elapsed.TotalSeconds:F1} s)");

        var deputiesCode = o.Maybe("deputies-code") ?? "632800";
        var deputies = o.Int("deputies", 10_000);
        var nonDeputies = o.Int("non-deputies", 20);
        var deputiesCongress = await Db.ScalarAsync<int>(conn, """SELECT "Id" FROM "Congresses" WHERE "Code" = $1""", ct, deputiesCode);
        if (await Db.ScalarAsync<long>(conn, $"""SELECT count(*) FROM "Accounts" WHERE "UserName" LIKE '{DeputyPrefix}%'""", ct) == 0)
        {
            var term = await Db.ScalarAsync<int>(conn, """SELECT "Id" FROM "Terms" WHERE "CongressId" = $1 ORDER BY "Number" DESC LIMIT 1""", ct, deputiesCongress);
            await Db.ExecAsync(conn, """
                INSERT INTO "People" ("Name", "Gender", "Ethnicity", "Party", "BirthDate", "Occupation")
                SELECT '压测代表' || lpad(i::text, 5, '0'), CASE WHEN i % 10 < 3 THEN 'Female' ELSE 'Male' END,
                       CASE WHEN i % 4 = 0 THEN '藏族' WHEN i % 7 = 0 THEN '蒙古族' ELSE '汉族' END, '群众', date '1960-01-01' + (i * 7 % 12000), '企业负责人'
                FROM generate_series(1, $1) i
                """, ct, deputies);
            await Db.ExecAsync(conn, """
                INSERT INTO "Deputies" ("PersonId", "CongressId", "TermId", "Delegation", "ElectoralUnit", "Status")
                SELECT p."Id", $1, $2, d || '代表团', d, 'Serving'
                FROM "People" p, LATERAL (SELECT (ARRAY['格尔木市', '德令哈市', '茫崖市', '乌兰县', '都兰县', '天峻县', '大柴旦行委'])[1 + p."Id" % 7] AS d) x
                WHERE p."Name" LIKE '压测代表%'
                """, ct, deputiesCongress, term);
            await Db.ExecAsync(conn, $"""
                INSERT INTO "People" ("Name", "Gender", "Ethnicity", "Party", "Occupation")
                SELECT '压测非代表' || lpad(i::text, 2, '0'), 'Male', '汉族', '群众', '公司职员' FROM generate_series(1, $1) i
                """, ct, nonDeputies);
            // The second half of them were deputies until two months ago.
            await Db.ExecAsync(conn, """
                INSERT INTO "Deputies" ("PersonId", "CongressId", "TermId", "Delegation", "ElectoralUnit", "Status", "StatusChangedOn")
                SELECT p."Id", $1, $2, '格尔木市代表团', '格尔木市', 'Resigned', $3
                FROM "People" p WHERE p."Name" LIKE '压测非代表%' AND substr(p."Name", 6)::int > $4
                """, ct, deputiesCongress, term, today.AddDays(-60), nonDeputies / 2);
            await Db.ExecAsync(conn, $"""
                INSERT INTO "Accounts" ("UserName", "DisplayName", "CongressId", "PersonId", "PasswordHash", "PasswordChangedAt", "MustChangePassword", "IsDemo", "Enabled")
                SELECT CASE WHEN p."Name" LIKE '压测代表%' THEN '{DeputyPrefix}' || substr(p."Name", 5) ELSE '{NonDeputyPrefix}' || substr(p."Name", 6) END,
                       p."Name", $1, p."Id", $2, now(), false, false, true
                FROM "People" p WHERE p."Name" LIKE '压测代表%' OR p."Name" LIKE '压测非代表%'
                """, ct, deputiesCongress, hash);
            await Db.ExecAsync(conn, $"""
                INSERT INTO "RoleAssignments" ("AccountId", "Role")
                SELECT a."Id", 'Deputy' FROM "Accounts" a
                WHERE a."UserName" LIKE '{DeputyPrefix}%' OR (a."UserName" LIKE '{NonDeputyPrefix}%' AND EXISTS (SELECT 1 FROM "Deputies" d WHERE d."PersonId" = a."PersonId"))
                """, ct);
        }
        Console.WriteLine($"  {deputiesCode}: {deputies} serving deputies and {nonDeputies} accounts without a mandate ready ({clock.Elapsed.TotalSeconds:F1} s)");

        // Tokens, as Logins.IssueTokenAsync writes them.
        var accounts = new List<(string Kind, int Id, int? PersonId, string UserName)>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT 'member', min(a."Id"), m."PersonId", min(a."UserName")
            FROM "StandingCommitteeMembers" m JOIN "Accounts" a ON a."PersonId" = m."PersonId" AND a."CongressId" = m."CongressId"
            WHERE m."CongressId" = $1 AND m."SeatedOn" <= $2 AND (m."LeftOn" IS NULL OR m."LeftOn" > $2)
            GROUP BY m."PersonId"
            UNION ALL
            SELECT CASE WHEN a."UserName" LIKE '{DeputyPrefix}%' THEN 'deputy' ELSE 'non-deputy' END, a."Id", a."PersonId", a."UserName"
            FROM "Accounts" a WHERE a."UserName" LIKE '{DeputyPrefix}%' OR a."UserName" LIKE '{NonDeputyPrefix}%'
            ORDER BY 1, 4
            """, conn))
        {
            cmd.Parameters.Add(new() { Value = membersCongress });
            cmd.Parameters.Add(new() { Value = today });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                accounts.Add((r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3)));
        }
        var tokens = accounts.Select(_ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')).ToArray();
        var now = DateTime.UtcNow;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO "ApiTokens" ("AccountId", "TokenHash", "CreatedAt", "ExpiresAt")
            SELECT a, h, $3, $4 FROM unnest($1::int[], $2::text[]) AS t(a, h)
            """, conn))
        {
            cmd.Parameters.Add(new() { Value = accounts.Select(a => a.Id).ToArray() });
            cmd.Parameters.Add(new() { Value = tokens.Select(Logins.HashToken).ToArray() });
            cmd.Parameters.Add(new() { Value = now });
            cmd.Parameters.Add(new() { Value = now.AddHours(8) });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await File.WriteAllLinesAsync(o.Get("tokens"), accounts.Select((a, i) =>
            string.Join('\t', a.Kind, a.Id.ToString(CultureInfo.InvariantCulture), a.PersonId?.ToString(CultureInfo.InvariantCulture) ?? "", a.UserName, tokens[i])), ct);
        foreach (var t in new[] { "People", "Deputies", "Accounts", "RoleAssignments", "ApiTokens", "StandingCommitteeMembers" })
            await Db.ExecAsync(conn, $"VACUUM ANALYZE \"{t}\"", ct);
        Console.WriteLine($"  tokens: {accounts.Count(a => a.Kind == "member")} members, {accounts.Count(a => a.Kind == "deputy")} deputies, "
            + $"{accounts.Count(a => a.Kind == "non-deputy")} non-deputies; seeded in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}

/// <summary>One line of the tokens file.</summary>
public sealed record BenchAccount(string Kind, int AccountId, int? PersonId, string UserName, string Token)
{
    public static async Task<List<BenchAccount>> ReadAsync(string path, CancellationToken ct)
        => (await File.ReadAllLinesAsync(path, ct)).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => new BenchAccount(
            p[0], int.Parse(p[1], CultureInfo.InvariantCulture), p[2].Length == 0 ? null : int.Parse(p[2], CultureInfo.InvariantCulture), p[3], p[4])).ToList();
}

public static class Db
{
    public static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource pg, string sql, CancellationToken ct, params object[] args)
    {
        await using var conn = await pg.OpenConnectionAsync(ct);
        return await ScalarAsync<T>(conn, sql, ct, args);
    }

    public static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<object[]>> RowsAsync(NpgsqlDataSource pg, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = pg.CreateCommand(sql);
        cmd.CommandTimeout = 600;
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<object[]>();
        while (await r.ReadAsync(ct))
        {
            var row = new object[r.FieldCount];
            r.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
