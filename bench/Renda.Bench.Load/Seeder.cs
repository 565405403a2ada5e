using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Search;

namespace Renda.Bench.Load;

/// <summary>
/// Seeds a database that the app has migrated and loaded with the demo story (Renda:Demo=true):
/// serving deputies with their own accounts (one password hash, computed once by the app's own
/// Passwords.Hash and reused), and years of suggestions with their units and co-signers, written
/// with binary COPY. The rows bypass the audit chain on purpose: they stand for history that
/// predates the measurement. Deterministic (fixed random seed) so runs compare.
/// </summary>
public static class Seeder
{
    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var pg = NpgsqlDataSource.Create(o.Get("pg"));
        var code = o.Get("code");
        var firstYear = o.Int("first-year", DateTime.UtcNow.Year - 7);
        var lastYear = o.Int("last-year", DateTime.UtcNow.Year);
        var targets = new List<(string Code, int Count)> { (code, o.Int("suggestions", 200_000)) };
        foreach (var part in (o.Maybe("others") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split(':');
            targets.Add((kv[0], int.Parse(kv[1], CultureInfo.InvariantCulture)));
        }

        await using var conn = await pg.OpenConnectionAsync(ct);
        var deputies = o.Int("deputies", 3000);
        if (deputies > 0)
            await SeedDeputiesAsync(conn, code, deputies, o.Get("deputy-prefix"), o.Get("password"), ct);
        Console.WriteLine($"  deputies ready ({clock.Elapsed.TotalSeconds:F0} s)");
        // Columns later migrations added (0004, 0005): written when the schema has them, so the seeder fits each version.
        async Task<bool> HasColumnAsync(string column) => await ScalarAsync<long>(conn,
            $"SELECT count(*) FROM information_schema.columns WHERE table_name = 'Suggestions' AND column_name = '{column}'", ct) > 0;
        var columns = new OptionalColumns(await HasColumnAsync("Serial"), await HasColumnAsync("FaceToFaceContact"));
        await SeedSuggestionsAsync(conn, targets, firstYear, lastYear, columns, ct);
        Console.WriteLine($"  suggestions written ({clock.Elapsed.TotalSeconds:F0} s)");
        if (await ScalarAsync<long>(conn, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'search_documents'", ct) > 0)
        {
            await IndexForSimilarityAsync(pg, conn, ct);
            Console.WriteLine($"  similarity index loaded ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        Console.WriteLine("  vacuum analyze …");
        foreach (var t in new[] { "People", "Deputies", "Accounts", "RoleAssignments", "Suggestions", "SuggestionAssignments", "SuggestionSigners" })
            await ExecAsync(conn, $"VACUUM ANALYZE \"{t}\"", ct);
        Console.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static async Task SeedDeputiesAsync(NpgsqlConnection conn, string code, int count, string prefix, string password, CancellationToken ct)
    {
        var congressId = await ScalarAsync<int>(conn, $"SELECT \"Id\" FROM \"Congresses\" WHERE \"Code\" = '{code}'", ct);
        if (await ScalarAsync<long>(conn, $"SELECT count(*) FROM \"Accounts\" WHERE \"UserName\" LIKE '{prefix}%'", ct) >= count)
            return;
        var termId = await ScalarAsync<int>(conn, $"SELECT \"Id\" FROM \"Terms\" WHERE \"CongressId\" = {congressId} ORDER BY \"Number\" DESC LIMIT 1", ct);
        var person0 = await ScalarAsync<int>(conn, "SELECT coalesce(max(\"Id\"), 0) FROM \"People\"", ct);
        var deputy0 = await ScalarAsync<int>(conn, "SELECT coalesce(max(\"Id\"), 0) FROM \"Deputies\"", ct);
        var account0 = await ScalarAsync<int>(conn, "SELECT coalesce(max(\"Id\"), 0) FROM \"Accounts\"", ct);
        // One hash for all: PBKDF2 with 100 000 rounds per account would dominate the seeding.
        var hash = Passwords.Hash(new Account { UserName = prefix, DisplayName = prefix }, password);
        var now = DateTime.UtcNow;
        var random = new Random(20260101);
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "马", "才让", "索南", "多杰", "巴特尔"];
        string[] given = ["建国", "海燕", "志强", "秀兰", "卫东", "卓玛", "扎西", "巴图", "萨仁", "措毛"];
        string[] delegations = ["格尔木市代表团", "德令哈市代表团", "茫崖市代表团", "乌兰县代表团", "都兰县代表团", "天峻县代表团", "大柴旦行委代表团"];

        await using (var w = await conn.BeginBinaryImportAsync("""COPY "People" ("Id", "Name", "Gender", "Ethnicity", "Party", "BirthDate", "Occupation") FROM STDIN (FORMAT BINARY)""", ct))
        {
            for (var i = 1; i <= count; i++)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(person0 + i, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)], NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(random.Next(10) < 3 ? "Female" : "Male", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("汉族", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("群众", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(new DateOnly(1960 + random.Next(35), 1 + random.Next(12), 1 + random.Next(28)), NpgsqlDbType.Date, ct);
                await w.WriteAsync("企业负责人", NpgsqlDbType.Varchar, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync("""COPY "Deputies" ("Id", "PersonId", "CongressId", "TermId", "Delegation", "ElectoralUnit", "Status") FROM STDIN (FORMAT BINARY)""", ct))
        {
            for (var i = 1; i <= count; i++)
            {
                var d = delegations[i % delegations.Length];
                await w.StartRowAsync(ct);
                await w.WriteAsync(deputy0 + i, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(person0 + i, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(congressId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(termId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(d, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(d.Replace("代表团", "", StringComparison.Ordinal), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("Serving", NpgsqlDbType.Varchar, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync("""
            COPY "Accounts" ("Id", "UserName", "DisplayName", "CongressId", "PersonId", "PasswordHash", "PasswordChangedAt", "MustChangePassword", "IsDemo", "Enabled") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 1; i <= count; i++)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(account0 + i, NpgsqlDbType.Integer, ct);
                await w.WriteAsync($"{prefix}{i:0000}", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync($"压测代表{i:0000}", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(congressId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(person0 + i, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(hash, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync("""COPY "RoleAssignments" ("AccountId", "Role") FROM STDIN (FORMAT BINARY)""", ct))
        {
            for (var i = 1; i <= count; i++)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(account0 + i, NpgsqlDbType.Integer, ct);
                await w.WriteAsync("Deputy", NpgsqlDbType.Varchar, ct);
            }
            await w.CompleteAsync(ct);
        }
        foreach (var t in new[] { "People", "Deputies", "Accounts" })
            await ExecAsync(conn, $"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT max(\"Id\") FROM \"{t}\"))", ct);
    }

    private sealed record OptionalColumns(bool Serial, bool FaceToFace);

    /// <summary>
    /// Submitted suggestions are in the similarity index (SimilarSuggestions), as the app would have put them: the same
    /// lexemes SearchIndex writes (SearchIndex.Lexemes), loaded by COPY with the GIN index rebuilt afterwards, as
    /// bench/Renda.Bench does. Without them a submission's own indexing (inside the audit lock) would meet an empty index.
    /// </summary>
    private static async Task IndexForSimilarityAsync(NpgsqlDataSource pg, NpgsqlConnection conn, CancellationToken ct)
    {
        const string Kind = "suggestion";
        // Only those not indexed yet: the app indexes the demo story's suggestions at start-up, and a database seeded
        // before holds them all. The list's text filter relies on every submitted suggestion being indexed.
        const string Missing = """
            s."Status" <> 'Draft' AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.kind = 'suggestion' AND d.id = s."Id")
            """;
        if (await ScalarAsync<long>(conn, $"""SELECT count(*) FROM "Suggestions" s WHERE {Missing}""", ct) == 0)
        {
            Console.WriteLine("  the similarity index already holds every submitted suggestion");
            return;
        }
        var indexDefinition = await ScalarAsync<string>(conn, "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_documents_tokens'", ct);
        await ExecAsync(conn, "DROP INDEX search_documents_tokens", ct);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var read = await pg.OpenConnectionAsync(ct))
        await using (var source = new NpgsqlCommand($"""
            SELECT s."Id", s."CongressId", s."Year", s."Title", s."Content" FROM "Suggestions" s
            WHERE {Missing}
            """, read))
        await using (var rows = await source.ExecuteReaderAsync(ct))
        await using (var copy = await conn.BeginBinaryImportAsync("COPY search_documents (kind, id, congress_id, year, tokens, body) FROM STDIN (FORMAT BINARY)", ct))
        {
            while (await rows.ReadAsync(ct))
            {
                var (id, congress, year) = (rows.GetInt32(0), rows.GetInt32(1), rows.GetInt32(2));
                var text = rows.GetString(3) + "\n" + rows.GetString(4); // SimilarSuggestions.IndexedText
                var lexemes = SearchIndex.Lexemes(Kind, congress, text);
                foreach (var t in lexemes.AsSpan(0, lexemes.Length - 1)) df[t] = df.GetValueOrDefault(t) + 1; // the last is the congress scope, not a token
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Kind, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((long)id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(congress, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(year, NpgsqlDbType.Integer, ct);
#pragma warning disable CS0618 // client-side tsvector parsing is deprecated for user input; these lexemes are the app's own
                await copy.WriteAsync(NpgsqlTsVector.Parse(string.Join(' ', lexemes)), NpgsqlDbType.TsVector, ct);
#pragma warning restore CS0618
                await copy.WriteAsync(text, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // Added to the counts of what was indexed before.
        await ExecAsync(conn, "CREATE TEMPORARY TABLE seeded_terms (kind varchar(40), term text COLLATE \"C\", df integer)", ct);
        await using (var copy = await conn.BeginBinaryImportAsync("COPY seeded_terms (kind, term, df) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (term, count) in df)
                await copy.WriteRowAsync(ct, Kind, term, count);
            await copy.CompleteAsync(ct);
        }
        await ExecAsync(conn, """
            INSERT INTO search_terms (kind, term, df) SELECT kind, term, df FROM seeded_terms
            ON CONFLICT (kind, term) DO UPDATE SET df = search_terms.df + excluded.df;
            DROP TABLE seeded_terms;
            """, ct);
        await ExecAsync(conn, "SET maintenance_work_mem = '512MB'", ct);
        await ExecAsync(conn, indexDefinition, ct);
        await ExecAsync(conn, "VACUUM ANALYZE search_documents", ct);
        await ExecAsync(conn, "ANALYZE search_terms", ct);
        if (await ScalarAsync<long>(conn, $"""SELECT count(*) FROM "Suggestions" s WHERE {Missing}""", ct) is var left and > 0)
            throw new InvalidOperationException($"{left} submitted suggestions are still missing from the similarity index");
    }

    private sealed record Congress(int Id, string Code, int Count, int[] Deputies, int[] Units, int CreatedBy);

    private sealed class Row
    {
        public int Id;
        public required Congress Congress;
        public int Year;
        public int? Serial;
        public SuggestionState Status;
        public DateOnly? ReceivedOn;
        public DateTime CreatedAt;
        public required string Title;
        public required string Content;
        public required string Category;
        public int Lead;
        public bool Key;
    }

    private enum SuggestionState { Draft, Submitted, Accepted, Returned, Merged, Assigned, UnitReturned, Answered, Rehandling, Closed }

    // Answered means "waiting for the deputy's rating", which lasts 20 working days: only recent answers are
    // still Answered (SuggestionMonitor closes the others as unrated, in one transaction, on its next tick).
    private static readonly (SuggestionState State, int Weight)[] CurrentYear =
        [(SuggestionState.Draft, 3), (SuggestionState.Submitted, 10), (SuggestionState.Accepted, 5), (SuggestionState.Returned, 2), (SuggestionState.Merged, 2),
         (SuggestionState.Assigned, 35), (SuggestionState.UnitReturned, 1), (SuggestionState.Answered, 5), (SuggestionState.Rehandling, 2), (SuggestionState.Closed, 35)];
    private static readonly (SuggestionState State, int Weight)[] LastYear =
        [(SuggestionState.Returned, 3), (SuggestionState.Merged, 3), (SuggestionState.Rehandling, 1), (SuggestionState.Closed, 93)];
    private static readonly (SuggestionState State, int Weight)[] Older =
        [(SuggestionState.Returned, 3), (SuggestionState.Merged, 3), (SuggestionState.Closed, 94)];

    private static SuggestionState Pick((SuggestionState State, int Weight)[] weights, Random random)
    {
        var n = random.Next(weights.Sum(w => w.Weight));
        foreach (var (state, weight) in weights)
            if ((n -= weight) < 0) return state;
        return weights[^1].State;
    }

    private static async Task SeedSuggestionsAsync(NpgsqlConnection conn, List<(string Code, int Count)> targets, int firstYear, int lastYear, OptionalColumns columns, CancellationToken ct)
    {
        var random = new Random(632800);
        var congresses = new List<Congress>();
        foreach (var (code, count) in targets)
        {
            var id = await ScalarAsync<int>(conn, $"SELECT \"Id\" FROM \"Congresses\" WHERE \"Code\" = '{code}'", ct);
            var deputies = await ListAsync(conn, $"SELECT \"Id\" FROM \"Deputies\" WHERE \"CongressId\" = {id} AND \"Status\" = 'Serving' ORDER BY \"Id\"", ct);
            var units = await ListAsync(conn, $"SELECT \"Id\" FROM \"HandlingUnits\" WHERE \"CongressId\" = {id} ORDER BY \"Id\"", ct);
            var createdBy = await ScalarAsync<int>(conn, $"SELECT coalesce(min(\"Id\"), 0) FROM \"Accounts\" WHERE \"CongressId\" = {id}", ct);
            if (deputies.Length == 0 || units.Length == 0) throw new InvalidOperationException($"congress {code} has no deputies or units: start the app once with Renda:Demo=true");
            congresses.Add(new Congress(id, code, count, deputies, units, createdBy));
        }
        var existing = await ScalarAsync<long>(conn, $"SELECT count(*) FROM \"Suggestions\" WHERE \"CongressId\" = {congresses[0].Id}", ct);
        if (existing >= congresses[0].Count / 2)
        {
            Console.WriteLine($"  congress {congresses[0].Code} already has {existing} suggestions: not seeding again");
            return;
        }
        var nextId = await ScalarAsync<int>(conn, "SELECT coalesce(max(\"Id\"), 0) FROM \"Suggestions\"", ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var years = lastYear - firstYear + 1;
        // Numbers continue after those already given (the demo story has suggestions of its own).
        var serials = new Dictionary<(int, int), int>();
        await using (var given = new NpgsqlCommand("""
            SELECT "CongressId", "Year", max(CAST(substr("Number", 6) AS integer)) FROM "Suggestions" WHERE "Number" IS NOT NULL GROUP BY "CongressId", "Year"
            """, conn))
        await using (var r = await given.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                serials[(r.GetInt32(0), r.GetInt32(1))] = r.GetInt32(2);
        var lastIdOf = new Dictionary<int, int>();

        await using var suggestions = await conn.BeginBinaryImportAsync($"""
            COPY "Suggestions" ("Id", "CongressId", "Year", "Number", "Title", "Content", "Category", "Period", "Status", "LeadDeputyId", "CreatedByAccountId",
              "CreatedAt", "SubmittedAt", "ReceivedOn", "AssignedOn", "Mode", "Round", "AnswerDueOn", "FirstAnsweredOn", "AnsweredOn", "AnswerCategory", "Rating",
              "RatingMissing", "ClosedOn", "ReturnReason", "MergedIntoId", "IsKey", "KeyLeader", "Published"{(columns.Serial ? ", \"Serial\"" : "")}{(columns.FaceToFace ? ", \"FaceToFaceContact\"" : "")}) FROM STDIN (FORMAT BINARY)
            """, ct);
        var assignments = new List<(int Suggestion, int Unit, string Role, string Status, int Round, DateOnly On)>();
        var signers = new List<(int Suggestion, int Deputy, DateTime At)>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var rows = new List<Row>();
            var lastDay = year == today.Year ? today.AddDays(-1) : new DateOnly(year, 12, 31);
            var span = lastDay.DayNumber - new DateOnly(year, 1, 1).DayNumber + 1;
            foreach (var c in congresses)
            {
                var perYear = c.Count / years + (year - firstYear < c.Count % years ? 1 : 0);
                var weights = year == lastYear ? CurrentYear : year == lastYear - 1 ? LastYear : Older;
                for (var i = 0; i < perYear; i++)
                {
                    // Most suggestions arrive with the annual session in the first quarter.
                    var day = random.Next(100) < 60 ? random.Next(Math.Min(span, 90)) : random.Next(span);
                    var received = new DateOnly(year, 1, 1).AddDays(day);
                    var (title, category) = Title(random);
                    rows.Add(new Row
                    {
                        Congress = c, Year = year, Status = Pick(weights, random), ReceivedOn = received,
                        CreatedAt = received.AddDays(-random.Next(1, 10)).ToDateTime(new TimeOnly(9 + random.Next(9), random.Next(60)), DateTimeKind.Utc),
                        Title = title, Category = category, Content = Paragraph(random, 200 + random.Next(700)),
                        Lead = c.Deputies[random.Next(c.Deputies.Length)], Key = random.Next(100) == 0,
                    });
                }
            }
            foreach (var r in rows.OrderBy(r => r.ReceivedOn).ThenBy(r => r.CreatedAt))
            {
                r.Id = ++nextId;
                var c = r.Congress;
                if (r.Status == SuggestionState.Draft)
                    r.ReceivedOn = null;
                else
                    r.Serial = serials[(c.Id, r.Year)] = serials.GetValueOrDefault((c.Id, r.Year)) + 1;
                await WriteSuggestionAsync(suggestions, r, random, lastIdOf.GetValueOrDefault(c.Id), today, columns, assignments, ct);
                lastIdOf[c.Id] = r.Id;
                if (random.Next(4) == 0)
                    foreach (var d in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => c.Deputies[random.Next(c.Deputies.Length)]).Distinct().Where(d => d != r.Lead))
                        signers.Add((r.Id, d, r.CreatedAt.AddHours(2)));
            }
            Console.WriteLine($"  {year}: {rows.Count} suggestions");
        }
        await suggestions.CompleteAsync(ct);
        await suggestions.DisposeAsync();

        await using (var w = await conn.BeginBinaryImportAsync("""
            COPY "SuggestionAssignments" ("SuggestionId", "HandlingUnitId", "Role", "Status", "Round", "AssignedOn") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var a in assignments)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(a.Suggestion, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(a.Unit, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(a.Role, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(a.Status, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(a.Round, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(a.On, NpgsqlDbType.Date, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync("""
            COPY "SuggestionSigners" ("SuggestionId", "DeputyId", "Status", "InvitedAt", "RespondedAt") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var s in signers)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(s.Suggestion, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(s.Deputy, NpgsqlDbType.Integer, ct);
                await w.WriteAsync("Confirmed", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.At, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(s.At.AddHours(5), NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        foreach (var t in new[] { "Suggestions", "SuggestionAssignments", "SuggestionSigners" })
            await ExecAsync(conn, $"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT max(\"Id\") FROM \"{t}\"))", ct);
        Console.WriteLine($"  {assignments.Count} assignments, {signers.Count} co-signatures");
    }

    private static async Task WriteSuggestionAsync(NpgsqlBinaryImporter w, Row r, Random random, int previousId, DateOnly today,
        OptionalColumns columns, List<(int, int, string, string, int, DateOnly)> assignments, CancellationToken ct)
    {
        var s = r.Status;
        var handled = s is SuggestionState.Assigned or SuggestionState.UnitReturned or SuggestionState.Answered or SuggestionState.Rehandling or SuggestionState.Closed;
        var answered = s is SuggestionState.Answered or SuggestionState.Rehandling or SuggestionState.Closed;
        DateOnly? Cap(DateOnly? d) => d is { } x && x >= today ? today.AddDays(-1) : d;
        static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
        var assignedOn = handled ? Cap(r.ReceivedOn!.Value.AddDays(7 + random.Next(7))) : null;
        var answeredOn = s == SuggestionState.Answered ? Later(assignedOn!.Value, today.AddDays(-1 - random.Next(8)))
            : answered ? Cap(assignedOn!.Value.AddDays(30 + random.Next(60))) : null;
        var closedOn = s switch
        {
            SuggestionState.Closed => Cap(answeredOn!.Value.AddDays(5 + random.Next(20))),
            SuggestionState.Returned or SuggestionState.Merged => Cap(r.ReceivedOn!.Value.AddDays(3 + random.Next(5))),
            _ => null,
        };
        var round = s == SuggestionState.Rehandling ? 2 : 1;

        await w.StartRowAsync(ct);
        await w.WriteAsync(r.Id, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.Congress.Id, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.Year, NpgsqlDbType.Integer, ct);
        await Nullable(w, r.Serial is { } n ? $"{r.Year}-{n:000}" : null, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Title, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Content, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Category, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(random.Next(100) < 60 ? "DuringSession" : "BetweenSessions", NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(s.ToString(), NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Lead, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.Congress.CreatedBy, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        await Nullable(w, r.ReceivedOn is { } rec ? rec.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) : (DateTime?)null, NpgsqlDbType.TimestampTz, ct);
        await Nullable(w, r.ReceivedOn, NpgsqlDbType.Date, ct);
        await Nullable(w, assignedOn, NpgsqlDbType.Date, ct);
        await Nullable(w, handled ? "LeadAndCo" : null, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(round, NpgsqlDbType.Integer, ct);
        await Nullable(w, assignedOn?.AddMonths(3), NpgsqlDbType.Date, ct);
        await Nullable(w, answeredOn, NpgsqlDbType.Date, ct);
        await Nullable(w, answeredOn, NpgsqlDbType.Date, ct);
        await Nullable(w, answered ? "ABCD"[random.Next(4)].ToString() : null, NpgsqlDbType.Varchar, ct);
        await Nullable(w, s is SuggestionState.Closed ? (random.Next(10) < 8 ? "Satisfied" : "BasicallySatisfied") : s is SuggestionState.Rehandling ? "Dissatisfied" : null, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
        await Nullable(w, closedOn, NpgsqlDbType.Date, ct);
        await Nullable(w, s == SuggestionState.Returned ? "PersonalMatter" : null, NpgsqlDbType.Varchar, ct);
        await Nullable(w, s == SuggestionState.Merged && previousId > 0 ? previousId : (int?)null, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.Key && handled, NpgsqlDbType.Boolean, ct);
        await Nullable(w, r.Key && handled ? "常委会副主任" : null, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
        if (columns.Serial) await Nullable(w, r.Serial, NpgsqlDbType.Integer, ct);
        if (columns.FaceToFace) await w.WriteAsync(answered && random.Next(10) < 7, NpgsqlDbType.Boolean, ct);

        if (!handled) return;
        var units = r.Congress.Units;
        var chosen = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => units[random.Next(units.Length)]).Distinct().ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            var status = s switch
            {
                SuggestionState.UnitReturned when i == 0 => "Returned",
                SuggestionState.Answered or SuggestionState.Closed => "Answered",
                _ => "Handling",
            };
            assignments.Add((r.Id, chosen[i], i == 0 ? "Lead" : "Co", status, round, assignedOn!.Value));
        }
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
        => value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);

    private static Task Nullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type, CancellationToken ct)
        => value is not null ? w.WriteAsync(value, type, ct) : w.WriteNullAsync(ct);

    private static readonly string[] Places = ["格尔木市", "德令哈市", "茫崖市", "乌兰县", "都兰县", "天峻县", "大柴旦", "柴达木盆地", "全州", "牧区", "城区", "工业园区"];
    private static readonly (string Topic, string Category)[] Topics =
    [
        ("加快盐湖资源综合利用", "经济发展"), ("支持新能源产业发展", "经济发展"), ("优化营商环境", "经济发展"), ("扶持小微企业融资", "经济发展"),
        ("改造老旧小区供暖管网", "城乡建设"), ("完善农村公路养护机制", "城乡建设"), ("加强城市停车设施建设", "城乡建设"), ("推进污水处理设施建设", "城乡建设"),
        ("改善寄宿制学校办学条件", "教育"), ("加强双语教师队伍建设", "教育"), ("发展职业教育", "教育"), ("保障学生营养餐", "教育"),
        ("提升县级医院服务能力", "医疗卫生"), ("加强高原病防治", "医疗卫生"), ("完善村卫生室建设", "医疗卫生"), ("推进医保异地结算", "医疗卫生"),
        ("加强草原生态保护", "生态环境"), ("推进防沙治沙工程", "生态环境"), ("保护湿地和候鸟栖息地", "生态环境"), ("治理矿区环境", "生态环境"),
        ("发展枸杞特色产业", "农业农村"), ("推进草原畜牧业转型", "农业农村"), ("加强农田水利建设", "农业农村"), ("扶持农牧民合作社", "农业农村"),
        ("提高城乡低保标准", "社会保障"), ("完善养老服务体系", "社会保障"), ("促进高校毕业生就业", "社会保障"), ("保障农民工工资支付", "社会保障"),
        ("加强民族团结进步创建", "民族宗教"), ("推进法治乡村建设", "政法"), ("加强基层人民调解", "政法"), ("加强旅游公共服务", "其他"),
    ];
    private static readonly string[] Sentences =
    [
        "近年来，在州委州政府的坚强领导下，各项工作取得明显成效，但仍存在一些短板和不足。",
        "经过走访调研，群众对此反映强烈，希望有关部门高度重视并加以解决。",
        "一是资金投入不足，历史欠账较多，基础设施老化问题突出。",
        "二是统筹协调不够，部门之间职责交叉，政策落实存在“最后一公里”问题。",
        "三是专业人才缺乏，基层服务能力较弱，难以满足群众日益增长的需求。",
        "建议加大财政投入力度，积极争取中央和省级专项资金支持。",
        "建议建立健全长效机制，明确责任分工，加强督促检查。",
        "建议结合高原地区实际，因地制宜制定配套措施，切实减轻群众负担。",
        "草原是牧民群众赖以生存的基本生产资料，草原生态保护事关长远。",
        "建议加强宣传引导，鼓励社会力量参与，形成共建共治共享的良好局面。",
        "同时，要注重发挥人大代表作用，广泛听取群众意见建议。",
        "柴达木地区气候干旱，冬季漫长，群众生产生活条件相对艰苦。",
    ];

    private static (string Title, string Category) Title(Random random)
    {
        var (topic, category) = Topics[random.Next(Topics.Length)];
        return ($"关于{Places[random.Next(Places.Length)]}{topic}的建议", category);
    }

    public static string Paragraph(Random random, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length) sb.Append(Sentences[random.Next(Sentences.Length)]);
        return sb.ToString();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task<int[]> ListAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<int>();
        while (await r.ReadAsync(ct)) list.Add(r.GetInt32(0));
        return [.. list];
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
