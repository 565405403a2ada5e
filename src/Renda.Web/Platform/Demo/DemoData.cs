using System.Globalization;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Platform.Demo;

/// <summary>
/// The demo story, in one place: Qinghai province (630000), Haixi prefecture (632800) and its
/// cities and counties, as in the seed reports. Loaded only in demo mode and only into an empty
/// database. Names are generated from common surnames; ID numbers are well-formed but fictitious.
/// </summary>
public static class DemoData
{
    public const string DefaultPassword = "Renda#Demo2026";
    /// <param name="Duty">What the account is, where the role's name alone would mislead (the government's officer files, it does not handle suggestions); the banner and README say the same.</param>
    public sealed record DemoAccount(string UserName, string DisplayName, Role Role, string CongressCode, string? Committee = null, string? Unit = null, string? Duty = null)
    {
        public string Describe() => $"{Duty ?? Role.Label()}{(Unit ?? Committee) switch { null => "", var where => $"（{where}）" }}";
    }

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("sysadmin", "系统管理员（海西）", Role.SystemAdministrator, "632800"),
        new("secadmin", "安全管理员（海西）", Role.SecurityAdministrator, "632800"),
        new("auditadmin", "审计管理员（海西）", Role.AuditAdministrator, "632800"),
        new("daigongwei", "代工委工作人员", Role.CommitteeStaff, "632800", Committee: "代表人事选举任免工作委员会"),
        new("fagongwei", "法工委工作人员", Role.CommitteeStaff, "632800", Committee: "法制工作委员会"),
        new("zhuren", "主任会议成员", Role.ChairpersonsCouncilMember, "632800"),
        new("weiyuan", "州人大常委会委员", Role.StandingCommitteeMember, "632800"),
        new("jiaoyuju", "州教育局经办人", Role.HandlingUnitOfficer, "632800", Unit: "海西州教育局"),
        new("zhengfu", "州人民政府备案经办人", Role.HandlingUnitOfficer, "632800", Unit: "海西州人民政府", Duty: "报备机关经办人"),
        new("caizheng", "州财政局经办人", Role.HandlingUnitOfficer, "632800", Unit: "海西州财政局", Duty: "财政部门经办人"),
        new("daibiao", "州人大代表", Role.Deputy, "632800"),
        new("qh-staff", "省人大常委会办公厅工作人员", Role.CommitteeStaff, "630000", Committee: "办公厅"),
        new("gem-staff", "格尔木市人大常委会工作人员", Role.CommitteeStaff, "632801", Committee: "办公室"),
    ];

    public static string Password(IConfiguration config) => config["Renda:DemoPassword"] is { Length: > 0 } p ? p : DefaultPassword;

    private static readonly (string Code, string Name, string Short, RegionLevel Level, string? Parent, int Term, int Members)[] Regions =
    [
        // The national level is shown through the Qinghai delegation to the NPC only; its standing committee is not modelled here.
        ("100000", "中华人民共和国", "全国", RegionLevel.National, null, 14, 0),
        ("630000", "青海省", "青海省", RegionLevel.Province, "100000", 14, 66),
        ("632800", "海西蒙古族藏族自治州", "海西州", RegionLevel.Prefecture, "630000", 15, 31),
        ("632801", "格尔木市", "格尔木市", RegionLevel.County, "632800", 18, 25),
        ("632802", "德令哈市", "德令哈市", RegionLevel.County, "632800", 18, 23),
        ("632803", "茫崖市", "茫崖市", RegionLevel.County, "632800", 2, 17),
        ("632821", "乌兰县", "乌兰县", RegionLevel.County, "632800", 18, 19),
        ("632822", "都兰县", "都兰县", RegionLevel.County, "632800", 18, 21),
        ("632823", "天峻县", "天峻县", RegionLevel.County, "632800", 18, 17),
        // A township congress has a presidium (主席团), not a standing committee: no members here.
        ("632801100", "格尔木市郭勒木德镇", "郭勒木德镇", RegionLevel.Township, "632801", 18, 0),
    ];

    private static readonly string[] Committees = ["办公室", "法制委员会", "财政经济委员会", "教育科学文化卫生委员会", "代表人事选举任免工作委员会", "法制工作委员会", "预算工作委员会", "民族宗教华侨外事委员会", "农牧环资工作委员会"];
    private static readonly string[] Units = ["人民政府", "发展和改革委员会", "教育局", "财政局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局", "水利局", "卫生健康委员会", "民政局", "人力资源和社会保障局", "文体旅游广电局", "市场监督管理局", "公安局", "应急管理局", "林业和草原局"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "韩", "才让", "索南", "多杰", "巴特尔", "其木格", "更登"];
    private static readonly string[] Given = ["建国", "海燕", "志强", "秀兰", "卫东", "玉梅", "国华", "丽娟", "永明", "桂英", "文杰", "晓燕", "德明", "春梅", "振华", "红霞", "成林", "雪莲", "占魁", "措毛", "卓玛", "扎西", "巴图", "萨仁"];
    private static readonly string[] Ethnicities = ["汉族", "汉族", "汉族", "藏族", "蒙古族", "回族", "土族", "撒拉族"];
    private static readonly string[] Parties = ["中国共产党", "中国共产党", "中国共产党", "群众", "中国民主同盟", "九三学社"];
    private static readonly string[] Occupations = ["乡镇党委书记", "企业负责人", "中学教师", "村党支部书记", "医生", "牧民", "个体工商户", "高校教授", "社区主任", "工程师", "律师", "农民"];

    public static async Task EnsureAsync(RendaDbContext db, string password, CancellationToken ct = default)
    {
        if (await db.Congresses.AnyAsync(ct))
            return;
        var random = new Random(630000);
        var congresses = new Dictionary<string, Congress>();
        foreach (var r in Regions)
        {
            var c = new Congress { Code = r.Code, RegionName = r.Name, ShortName = r.Short, Level = r.Level, Parent = r.Parent is null ? null : congresses[r.Parent] };
            congresses[r.Code] = c;
            db.Congresses.Add(c);
        }
        await db.SaveChangesAsync(ct);

        var personSeq = 0;
        var usedIds = new HashSet<string>();
        Person NewPerson(string regionCode)
        {
            personSeq++;
            DateOnly birth;
            string body;
            do
            {
                birth = new DateOnly(1960 + random.Next(35), 1 + random.Next(12), 1 + random.Next(28));
                body = string.Concat(regionCode, birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture), (personSeq % 1000).ToString("000", CultureInfo.InvariantCulture));
            }
            while (!usedIds.Add(body));
            var female = random.Next(100) < 30;
            return new Person
            {
                Name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                Gender = female ? Gender.Female : Gender.Male,
                Ethnicity = Ethnicities[random.Next(Ethnicities.Length)],
                Party = Parties[random.Next(Parties.Length)],
                BirthDate = birth,
                IdNumber = body + IdCheckDigit(body),
                Phone = "139" + (10000000 + personSeq * 7919 % 89999999).ToString(CultureInfo.InvariantCulture),
                Occupation = Occupations[random.Next(Occupations.Length)],
            };
        }

        void AddDeputies(Congress congress, Term term, int count, string[] groups)
        {
            // County and township deputies are elected directly by districts (选区); the others sit in delegations.
            var direct = congress.Level is RegionLevel.County or RegionLevel.Township;
            for (var i = 0; i < count; i++)
                db.Deputies.Add(new Deputy
                {
                    Person = NewPerson(congress.Level == RegionLevel.National ? "630100" : congress.Code[..6]), Congress = congress, Term = term,
                    Delegation = direct ? null : groups[i % groups.Length],
                    ElectoralUnit = direct ? groups[i % groups.Length] : groups[i % groups.Length].Replace("代表团", "", StringComparison.Ordinal),
                    Status = i % 97 == 5 ? DeputyStatus.Resigned : DeputyStatus.Serving,
                    StatusChangedOn = i % 97 == 5 ? new DateOnly(2023, 9, 1) : null,
                });
        }

        foreach (var r in Regions)
        {
            var congress = congresses[r.Code];
            var term = new Term { Congress = congress, Number = r.Term, StartsOn = r.Level switch { RegionLevel.National => new DateOnly(2023, 3, 5), RegionLevel.Province => new DateOnly(2023, 1, 16), RegionLevel.Township => new DateOnly(2021, 12, 20), _ => new DateOnly(2022, 1, 8) } };
            db.Terms.Add(term);
            if (r.Level is RegionLevel.National or RegionLevel.Township)
            {
                AddDeputies(congress, term, r.Level == RegionLevel.National ? 22 : 45, r.Level == RegionLevel.National ? ["青海代表团"] : ["第一选区", "第二选区", "第三选区"]);
                continue;
            }
            foreach (var name in r.Level == RegionLevel.Province ? Committees.Select(n => n == "办公室" ? "办公厅" : n) : r.Level == RegionLevel.County ? ["办公室", "法制工作委员会", "代表人事选举任免工作委员会", "财政经济工作委员会"] : Committees)
                db.Committees.Add(new Committee
                {
                    Congress = congress, Name = name, ManagesDeputies = name.StartsWith("代表", StringComparison.Ordinal),
                    Kind = name.EndsWith("工作委员会", StringComparison.Ordinal) ? CommitteeKind.WorkingBody : name is "办公室" or "办公厅" ? CommitteeKind.Office : CommitteeKind.SpecialCommittee,
                });
            var prefix = r.Short;
            db.HandlingUnits.Add(new HandlingUnit { Congress = congress, Name = prefix + "人民政府", Kind = HandlingUnitKind.Government });
            foreach (var unit in Units.Skip(1))
                db.HandlingUnits.Add(new HandlingUnit { Congress = congress, Name = prefix + unit, Kind = HandlingUnitKind.GovernmentDepartment });
            db.HandlingUnits.Add(new HandlingUnit { Congress = congress, Name = prefix + "监察委员会", Kind = HandlingUnitKind.SupervisoryCommission });
            db.HandlingUnits.Add(new HandlingUnit { Congress = congress, Name = prefix + (r.Level == RegionLevel.Province ? "高级人民法院" : r.Level == RegionLevel.Prefecture ? "中级人民法院" : "人民法院"), Kind = HandlingUnitKind.Court });
            db.HandlingUnits.Add(new HandlingUnit { Congress = congress, Name = prefix + "人民检察院", Kind = HandlingUnitKind.Procuratorate });

            // Standing committee: a chair, vice-chairs, a secretary-general and members; two seats changed mid-term.
            for (var i = 0; i < r.Members; i++)
            {
                var post = i == 0 ? StandingCommitteePost.Chair : i <= (r.Level == RegionLevel.Province ? 7 : 4) ? StandingCommitteePost.ViceChair : i == (r.Level == RegionLevel.Province ? 8 : 5) ? StandingCommitteePost.SecretaryGeneral : StandingCommitteePost.Member;
                db.StandingCommitteeMembers.Add(new StandingCommitteeMember { Congress = congress, Term = term, Person = NewPerson(r.Code), Post = post, SeatedOn = term.StartsOn, LeftOn = i == r.Members - 1 ? new DateOnly(2023, 6, 30) : null });
            }
            db.StandingCommitteeMembers.Add(new StandingCommitteeMember { Congress = congress, Term = term, Person = NewPerson(r.Code), Post = StandingCommitteePost.Member, SeatedOn = new DateOnly(2023, 7, 28) });

            var deputies = r.Level switch { RegionLevel.Province => 390, RegionLevel.Prefecture => 236, _ => 120 };
            var delegations = r.Level == RegionLevel.Province ? new[] { "西宁市代表团", "海东市代表团", "海西州代表团", "海北州代表团", "海南州代表团", "黄南州代表团", "果洛州代表团", "玉树州代表团", "解放军代表团" }
                : r.Level == RegionLevel.Prefecture ? new[] { "格尔木市代表团", "德令哈市代表团", "茫崖市代表团", "乌兰县代表团", "都兰县代表团", "天峻县代表团", "大柴旦行委代表团" }
                : new[] { "第一选区", "第二选区", "第三选区", "第四选区", "第五选区" };
            AddDeputies(congress, term, deputies, delegations);
        }
        await db.SaveChangesAsync(ct);

        // One person at three levels: a Haixi deputy who is also a provincial deputy and a deputy of Golmud city.
        var haixi = congresses["632800"];
        var both = await db.Deputies.Where(d => d.CongressId == haixi.Id).OrderBy(d => d.Id).FirstAsync(ct);
        var provinceTerm = await db.Terms.FirstAsync(t => t.CongressId == congresses["630000"].Id, ct);
        db.Deputies.Add(new Deputy { PersonId = both.PersonId, CongressId = congresses["630000"].Id, TermId = provinceTerm.Id, Delegation = "海西州代表团", ElectoralUnit = "海西州" });
        var golmudTerm = await db.Terms.FirstAsync(t => t.CongressId == congresses["632801"].Id, ct);
        db.Deputies.Add(new Deputy { PersonId = both.PersonId, CongressId = congresses["632801"].Id, TermId = golmudTerm.Id, ElectoralUnit = "第一选区" });

        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var a in Accounts)
        {
            var congress = congresses[a.CongressCode];
            var account = new Account { UserName = a.UserName, DisplayName = a.DisplayName, Congress = congress, CongressId = congress.Id, IsDemo = true, MustChangePassword = false, PasswordChangedAt = now };
            account.PasswordHash = Passwords.Hash(account, password);
            if (a.Role == Role.Deputy)
                account.PersonId = both.PersonId;
            if (a.Role == Role.StandingCommitteeMember)
                account.PersonId = await db.StandingCommitteeMembers.Where(m => m.CongressId == congress.Id && m.Post == StandingCommitteePost.Member && m.LeftOn == null)
                    .OrderBy(m => m.Id).Select(m => m.PersonId).FirstAsync(ct);
            if (a.Role == Role.ChairpersonsCouncilMember)
                account.PersonId = await db.StandingCommitteeMembers.Where(m => m.CongressId == congress.Id && m.Post == StandingCommitteePost.Chair).Select(m => m.PersonId).FirstAsync(ct);
            var committee = a.Committee is null ? null : await db.Committees.FirstAsync(c => c.CongressId == congress.Id && c.Name == a.Committee, ct);
            var unit = a.Unit is null ? null : await db.HandlingUnits.FirstAsync(u => u.CongressId == congress.Id && u.Name == a.Unit, ct);
            account.Grant(a.Role, committee?.Id, unit?.Id);
            db.Accounts.Add(account);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>GB 11643-1999 check digit, so demo ID numbers are well-formed.</summary>
    public static char IdCheckDigit(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return "10X98765432"[sum % 11];
    }

    public static void PrintBanner(IConfiguration config, Microsoft.AspNetCore.Hosting.Server.IServer server)
    {
        var password = Password(config);
        var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("人大履职综合平台（演示模式）已启动 / Renda demo is running:");
        foreach (var url in addresses)
            Console.WriteLine($"  {url}");
        Console.WriteLine($"演示账号（密码均为 {password}）/ demo accounts (password {password}):");
        foreach (var a in Accounts)
            Console.WriteLine($"  {a.UserName,-12} {a.CongressCode}  {a.Describe()}");
        Console.WriteLine();
    }
}
