using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Renda.Web.Data;
using Renda.Web.Platform.Organisations;

namespace Renda.Bench.Suggestions;

/// <summary>
/// Fills a database created from the migrations with a province of congresses (1 province, 8
/// prefectures, 44 counties, as Qinghai) and N suggestions over ten years, with their assignments,
/// contacts and commitments, through COPY (NpgsqlBinaryImporter). Dates and states are consistent:
/// what a decade of handling leaves behind. Deterministic for a seed.
/// </summary>
public sealed class Generator(string connectionString, int rows, double hotShare, int seed)
{
    public const int FirstYear = 2017, LastYear = 2026, UnitsPerCongress = 20;

    public sealed record Region(string Code, string Name, RegionLevel Level, string? Parent, int Weight);

    public static IReadOnlyList<Region> Regions()
    {
        var list = new List<Region> { new("630000", "青海省", RegionLevel.Province, null, 3) };
        (string Code, string Name, string[] Counties)[] prefectures =
        [
            ("630100", "西宁市", ["城东区", "城中区", "城西区", "城北区", "湟中区", "大通县", "湟源县"]),
            ("630200", "海东市", ["乐都区", "平安区", "民和县", "互助县", "化隆县", "循化县"]),
            ("632200", "海北州", ["门源县", "祁连县", "海晏县", "刚察县"]),
            ("632300", "黄南州", ["同仁市", "尖扎县", "泽库县", "河南县"]),
            ("632500", "海南州", ["共和县", "同德县", "贵德县", "兴海县", "贵南县"]),
            ("632600", "果洛州", ["玛沁县", "班玛县", "甘德县", "达日县", "久治县", "玛多县"]),
            ("632700", "玉树州", ["玉树市", "杂多县", "称多县", "治多县", "囊谦县", "曲麻莱县"]),
            ("632800", "海西州", ["格尔木市", "德令哈市", "茫崖市", "乌兰县", "都兰县", "天峻县"]),
        ];
        foreach (var (code, name, counties) in prefectures)
        {
            list.Add(new(code, name, RegionLevel.Prefecture, "630000", 2));
            for (var i = 0; i < counties.Length; i++)
            {
                // Haixi's real codes (632801 格尔木市 …); the others numbered in order.
                var countyCode = code == "632800" ? new[] { "632801", "632802", "632803", "632821", "632822", "632823" }[i] : (int.Parse(code, CultureInfo.InvariantCulture) + 1 + i).ToString(CultureInfo.InvariantCulture);
                list.Add(new(countyCode, counties[i], RegionLevel.County, code, 1));
            }
        }
        return list;
    }

    private static readonly string[] Categories = ["经济发展", "城乡建设", "教育", "医疗卫生", "生态环境", "农业农村", "社会保障", "民族宗教", "政法", "其他"];
    private static readonly string[] Units = ["人民政府", "发展和改革委员会", "教育局", "财政局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局", "水利局",
        "卫生健康委员会", "民政局", "人力资源和社会保障局", "文体旅游广电局", "市场监督管理局", "公安局", "应急管理局", "林业和草原局", "中级人民法院", "人民检察院"];
    private static readonly string[] Topics = ["牧区学校冬季供暖", "城市公交线路", "老旧小区改造", "乡村医生待遇", "草原生态补偿", "盐湖产业人才", "枸杞精深加工", "农村公路养护", "饮水安全", "天文观测环境保护",
        "矿区生态修复", "养老服务设施", "食品安全监管", "非遗保护传承", "雨污分流改造", "防沙治沙", "异地就医结算", "清洁能源供暖", "校园交通安全", "就业见习基地"];
    private const string Body = "近年来，随着经济社会发展，群众对这一问题反映较多，基层也多次提出意见。经实地调研，目前存在投入不足、标准偏低、管理机制不健全、部门协同不够等问题，影响了群众的获得感。建议有关部门加强统筹，加大资金投入，完善政策措施，明确责任分工和完成时限，建立长效管理机制，并定期向代表通报办理进展情况，切实把好事办好、实事办实。";

    public async Task<(int Congress, int Suggestions, int Assignments, int Contacts, int Commitments)> LoadAsync(Func<RendaDbContext> context)
    {
        var random = new Random(seed);
        var regions = Regions();
        // Congresses and units through EF (a few hundred rows, audited as any change).
        var ids = new Dictionary<string, int>();
        var units = new Dictionary<int, int[]>();
        await using (var db = context())
        {
            var congresses = new Dictionary<string, Congress>();
            foreach (var r in regions)
            {
                var c = new Congress { Code = r.Code, RegionName = r.Name, ShortName = r.Name, Level = r.Level, Parent = r.Parent is null ? null : congresses[r.Parent] };
                congresses[r.Code] = c;
                db.Congresses.Add(c);
                foreach (var u in Units)
                    db.HandlingUnits.Add(new HandlingUnit { Congress = c, Name = r.Name + u, Kind = HandlingUnitKind.GovernmentDepartment });
            }
            await db.SaveChangesAsync();
            foreach (var (code, c) in congresses)
                ids[code] = c.Id;
            foreach (var g in db.HandlingUnits.Local.GroupBy(u => u.CongressId))
                units[g.Key] = g.Select(u => u.Id).Order().ToArray();
        }

        var totalWeight = regions.Sum(r => r.Weight);
        var hot = (int)(rows * hotShare);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var numbers = new Dictionary<(int, int), int>();
        int assignmentId = 0, contacts = 0, commitments = 0;
        var commitmentRows = new List<(int Suggestion, int Unit, DateOnly Due, bool Done)>();
        var contactRows = new List<(int Suggestion, int Assignment, int Unit, DateOnly On, bool FaceToFace)>();
        var assignmentRows = new List<(int Id, int Suggestion, int Unit, bool Co, bool Answered, DateOnly On)>();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Suggestions" ("Id", "CongressId", "Year", "Number", "Title", "Content", "Category", "Period", "Status", "LeadDeputyId", "CreatedByAccountId",
                "CreatedAt", "SubmittedAt", "ReceivedOn", "AssignedOn", "Mode", "Round", "AnswerDueOn", "FirstAnsweredOn", "AnsweredOn", "AnswerCategory",
                "Rating", "RatingMissing", "FaceToFaceContact", "ClosedOn", "ReturnReason", "MergedIntoId", "IsKey", "KeyLeader", "Published") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var id = 1; id <= rows; id++)
            {
                // A share of the rows may go to one congress-year (Haixi 2023) to see how the time grows with its size.
                Region region;
                int year;
                if (id <= hot) { region = regions.First(r => r.Code == "632800"); year = 2023; }
                else
                {
                    var pick = random.Next(totalWeight);
                    region = regions.First(r => (pick -= r.Weight) < 0);
                    year = FirstYear + random.Next(LastYear - FirstYear + 1);
                }
                var congress = ids[region.Code];
                var lastDay = year == today.Year ? today.DayOfYear - 1 : DateTime.IsLeapYear(year) ? 365 : 364;
                var received = new DateOnly(year, 1, 1).AddDays(random.Next(Math.Max(1, lastDay)));
                var age = today.DayNumber - received.DayNumber;
                var key = (congress, year);
                var seq = numbers[key] = numbers.GetValueOrDefault(key) + 1;
                var topic = Topics[random.Next(Topics.Length)];
                var roll = random.NextDouble();
                string status;
                DateOnly? assigned = null, due = null, first = null, answered = null, closed = null;
                string? answerCategory = null, rating = null, returnReason = null;
                var round = 1;
                var ratingMissing = false;
                if (roll < 0.03) { status = "Returned"; returnReason = "PersonalMatter"; closed = received.AddDays(3); }
                else if (roll < 0.05) { status = "Merged"; closed = received.AddDays(4); }
                else if (age < 6) status = random.Next(2) == 0 ? "Submitted" : "Accepted";
                else
                {
                    assigned = received.AddDays(4 + random.Next(8));
                    due = assigned.Value.AddMonths(3);
                    // One answer in ten is late; a recent one may still be open (overdue or not).
                    var answerAfter = random.NextDouble() < 0.1 ? 95 + random.Next(40) : 25 + random.Next(60);
                    if (assigned.Value.DayNumber + answerAfter >= today.DayNumber) status = random.Next(20) == 0 ? "UnitReturned" : "Assigned";
                    else
                    {
                        first = answered = assigned.Value.AddDays(answerAfter);
                        var c = random.NextDouble();
                        answerCategory = c < 0.6 ? "A" : c < 0.85 ? "B" : c < 0.95 ? "C" : "D";
                        var ratedOn = answered.Value.AddDays(3 + random.Next(20));
                        if (ratedOn >= today) status = "Answered";
                        else
                        {
                            var r = random.NextDouble();
                            if (r < 0.02) { status = "Closed"; ratingMissing = true; closed = answered.Value.AddDays(30); }
                            else if (r < 0.05)
                            {
                                rating = "Dissatisfied";
                                round = 2;
                                var again = ratedOn.AddDays(20 + random.Next(30));
                                if (again >= today) status = "Rehandling";
                                else { status = "Closed"; rating = "Satisfied"; answered = again; answerCategory = "A"; closed = again.AddDays(7); }
                            }
                            else { status = "Closed"; rating = r < 0.88 ? "Satisfied" : "BasicallySatisfied"; closed = ratedOn; }
                        }
                    }
                }
                var lead = congress * 1000 + random.Next(200);
                // Four in five assigned suggestions have a recorded contact, half of them face to face.
                var contact = assigned is { } a0 && a0.AddDays(5) < today && random.Next(5) != 0;
                var faceToFace = contact && random.Next(2) == 0;
                var createdAt = received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Integer);
                await copy.WriteAsync(congress, NpgsqlDbType.Integer);
                await copy.WriteAsync(year, NpgsqlDbType.Integer);
                await copy.WriteAsync($"{year}-{seq:000000}", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"关于{region.Name}{topic}的建议", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"{region.Name}{topic}问题。{Body}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(Categories[random.Next(Categories.Length)], NpgsqlDbType.Varchar);
                await copy.WriteAsync(random.Next(3) == 0 ? "DuringSession" : "BetweenSessions", NpgsqlDbType.Varchar);
                await copy.WriteAsync(status, NpgsqlDbType.Varchar);
                await copy.WriteAsync(lead, NpgsqlDbType.Integer);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(createdAt.AddHours(1), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(received, NpgsqlDbType.Date);
                await WriteDate(copy, assigned);
                if (assigned is null) await copy.WriteNullAsync(); else await copy.WriteAsync("LeadAndCo", NpgsqlDbType.Varchar);
                await copy.WriteAsync(round, NpgsqlDbType.Integer);
                await WriteDate(copy, due);
                await WriteDate(copy, first);
                await WriteDate(copy, answered);
                await WriteText(copy, answerCategory);
                await WriteText(copy, rating);
                await copy.WriteAsync(ratingMissing, NpgsqlDbType.Boolean);
                await copy.WriteAsync(faceToFace, NpgsqlDbType.Boolean);
                await WriteDate(copy, closed);
                await WriteText(copy, returnReason);
                if (status == "Merged" && id > 1) await copy.WriteAsync(id - 1, NpgsqlDbType.Integer); else await copy.WriteNullAsync();
                var isKey = assigned is not null && random.Next(100) == 0;
                await copy.WriteAsync(isKey, NpgsqlDbType.Boolean);
                await WriteText(copy, isKey ? "常委会副主任" : null);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);

                if (assigned is { } on)
                {
                    var unitIds = units[congress];
                    var leadUnit = unitIds[random.Next(unitIds.Length)];
                    var isAnswered = first is not null;
                    assignmentRows.Add((++assignmentId, id, leadUnit, false, isAnswered, on));
                    if (random.Next(4) == 0)
                        assignmentRows.Add((++assignmentId, id, unitIds[(Array.IndexOf(unitIds, leadUnit) + 1) % unitIds.Length], true, isAnswered, on));
                    if (contact)
                        contactRows.Add((id, assignmentId, leadUnit, on.AddDays(5 + random.Next(15)), faceToFace));
                    if (isAnswered && random.Next(7) == 0)
                        commitmentRows.Add((id, leadUnit, first!.Value.AddMonths(6), first.Value.AddMonths(6) < today && random.Next(10) < 8));
                }
            }
            await copy.CompleteAsync();
        }
        await FlushAssignmentsAsync(connection, assignmentRows);
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "SuggestionContacts" ("SuggestionId", "AssignmentId", "HandlingUnitId", "Kind", "FaceToFace", "On", "RecordedByAccountId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var c in contactRows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(c.Suggestion, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.Assignment, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.Unit, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.FaceToFace ? "Visit" : "Phone", NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.FaceToFace, NpgsqlDbType.Boolean);
                await copy.WriteAsync(c.On, NpgsqlDbType.Date);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                contacts++;
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "Commitments" ("SuggestionId", "HandlingUnitId", "Promise", "DueOn", "Status", "DoneOn") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var c in commitmentRows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(c.Suggestion, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.Unit, NpgsqlDbType.Integer);
                await copy.WriteAsync("在规定时限内完成整改并书面告知代表", NpgsqlDbType.Varchar);
                await copy.WriteAsync(c.Due, NpgsqlDbType.Date);
                await copy.WriteAsync(c.Done ? "Done" : "Open", NpgsqlDbType.Varchar);
                await WriteDate(copy, c.Done ? c.Due.AddDays(-10) : null);
                commitments++;
            }
            await copy.CompleteAsync();
        }
        foreach (var table in new[] { "Suggestions", "SuggestionAssignments" })
            await using (var cmd = new NpgsqlCommand($"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT max("Id") FROM "{table}"))""", connection))
                await cmd.ExecuteScalarAsync();
        return (ids.Count, rows, assignmentId, contacts, commitments);
    }

    private static async Task FlushAssignmentsAsync(NpgsqlConnection connection, List<(int Id, int Suggestion, int Unit, bool Co, bool Answered, DateOnly On)> rows)
    {
        if (rows.Count == 0) return;
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "SuggestionAssignments" ("Id", "SuggestionId", "HandlingUnitId", "Role", "Status", "Round", "AssignedOn") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var a in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(a.Id, NpgsqlDbType.Integer);
                await copy.WriteAsync(a.Suggestion, NpgsqlDbType.Integer);
                await copy.WriteAsync(a.Unit, NpgsqlDbType.Integer);
                await copy.WriteAsync(a.Co ? "Co" : "Lead", NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.Answered ? "Answered" : "Handling", NpgsqlDbType.Varchar);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(a.On, NpgsqlDbType.Date);
            }
            await copy.CompleteAsync();
        }
        rows.Clear();
    }

    private static async Task WriteDate(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Date); else await copy.WriteNullAsync();
    }

    private static async Task WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Varchar); else await copy.WriteNullAsync();
    }
}
