using System.Globalization;
using Renda.Web.Platform.Demo;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The demo's budget data: Haixi 2023 (about 60 units, a year of payments with the anomalies of budget-rules.md planted, so that
/// every rule fires a known number of times: <see cref="Planted"/>), 2021–2022 (the carry-overs and the totals a year-on-year
/// comparison needs), the current year through its last complete month, government debt, and a small Golmud dataset for the
/// levels view. Generated deterministically (fixed seed) as batches applied through the import itself (channel Demo), so the
/// demo is written exactly as a finance bureau's data is. Volume: Renda:Demo:BudgetScale payments per budget line and month
/// (default 1: a few thousand payments a year, for the test template; the README's demo command uses 40).
/// </summary>
public static class BudgetDemo
{
    public const string Haixi = "632800";
    public const string Golmud = "632801";
    public const int StoryYear = 2023;
    public const string ScaleKey = "Renda:Demo:BudgetScale";

    /// <summary>What the warning rules must find in Haixi 2023, rule by rule (budget-rules.md "Demo plants").</summary>
    public static IReadOnlyDictionary<WarningRuleKind, int> Planted { get; } = new Dictionary<WarningRuleKind, int>
    {
        // Two units behind at three cut-offs, and each of their projects (all ≥ ¥500,000) at the same three.
        [WarningRuleKind.ExecutionLagging] = 3 * (2 + Plan.Units.Where(u => u.Lagging).Sum(u => u.Projects.Count)),
        [WarningRuleKind.PaymentWithoutIndicator] = 5,
        [WarningRuleKind.PaymentAboveIndicator] = 3,
        [WarningRuleKind.YearEndRush] = 4,
        [WarningRuleKind.LargePaymentToIndividual] = 3,
        [WarningRuleKind.SplitPayments] = 2,
        [WarningRuleKind.IdleProject] = 3,
        [WarningRuleKind.StaleCarryOver] = 2,
        [WarningRuleKind.ThreePublicOverBudget] = 2,
        [WarningRuleKind.DebtAboveLimit] = 1,
        [WarningRuleKind.RepaymentOverdue] = 1,
    };

    /// <summary>The lagging units (执行进度滞后), by name, for tests and the warnings' demo history.</summary>
    public static IReadOnlyList<string> LaggingUnits => Plan.Units.Where(u => u.Lagging).Select(u => u.Name).ToList();

    public static async Task EnsureAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        await BudgetReferenceData.EnsureLoadedAsync(db, ct);
        var haixi = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == Haixi, ct);
        if (haixi is null || await db.Set<BudgetBatch>().AnyAsync(b => b.CongressId == haixi.Id, ct))
            return;
        var scale = Math.Clamp(Scale(db), 1, 500);
        var bureau = await db.HandlingUnits.AsNoTracking().FirstOrDefaultAsync(h => h.CongressId == haixi.Id && h.Name == "海西州财政局", ct);
        var settings = await Settings.ForAsync<BudgetSettings>(db, haixi.Id, ct);
        settings.FinanceBureauUnitId = bureau?.Id;
        await Settings.SaveAsync(db, haixi.Id, settings, ct);

        var today = WorkCalendar.Today(db.Clock);
        var writer = new Writer(db, seed.Calendar, haixi.Id);
        foreach (var year in new[] { 2021, 2022 })
        {
            await writer.ApplyAsync(BudgetDataKind.Indicators, year, null, Plan.Indicators(year, scale), ct);
            await writer.ApplyAsync(BudgetDataKind.Payments, year, null, Plan.Payments(year, null, scale), ct);
        }
        await writer.ApplyAsync(BudgetDataKind.Indicators, StoryYear, null, Plan.Indicators(StoryYear, scale), ct);
        for (var month = 1; month <= 12; month++)
            await writer.ApplyAsync(BudgetDataKind.Payments, StoryYear, month, Plan.Payments(StoryYear, month, scale), ct);
        await writer.ApplyAsync(BudgetDataKind.Debt, StoryYear, null, Plan.Debt(StoryYear, today), ct);

        var current = today.Year;
        if (current > StoryYear)
        {
            await writer.ApplyAsync(BudgetDataKind.Indicators, current, null, Plan.Indicators(current, scale), ct);
            for (var month = 1; month < today.Month; month++)
                await writer.ApplyAsync(BudgetDataKind.Payments, current, month, Plan.Payments(current, month, scale), ct);
            await writer.ApplyAsync(BudgetDataKind.Debt, current, null, Plan.Debt(current, today), ct);
            await BudgetDataClocks.EnsureYearAsync(db, seed.Calendar, haixi.Id, current, ct);
            await db.SaveChangesAsync(ct);
        }

        var golmud = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == Golmud, ct);
        if (golmud is not null)
        {
            var small = new Writer(db, seed.Calendar, golmud.Id);
            foreach (var year in current > StoryYear ? new[] { StoryYear, current } : [StoryYear])
            {
                await small.ApplyAsync(BudgetDataKind.Indicators, year, null, Plan.Golmud.Indicators(year), ct);
                await small.ApplyAsync(BudgetDataKind.Payments, year, null, Plan.Golmud.Payments(year, year == current ? today.Month - 1 : 12), ct);
            }
        }
    }

    private static int Scale(RendaDbContext db)
    {
        try
        {
            return ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)db).Instance.GetService<IConfiguration>()?.GetValue(ScaleKey, 1) ?? 1;
        }
        catch (InvalidOperationException)
        {
            return 1;
        }
    }

    /// <summary>Applies one generated batch through the import (channel Demo); a refusal is a bug in the generator.</summary>
    private sealed class Writer(RendaDbContext db, WorkCalendar calendar, int congressId)
    {
        public async Task ApplyAsync(BudgetDataKind kind, int year, int? month, (IReadOnlyList<string> Header, IEnumerable<string[]> Rows) data, CancellationToken ct)
        {
            var id = $"demo-{year}-{kind}{(month is { } m ? $"-{m:D2}" : "")}".ToLowerInvariant();
            var table = new BudgetSheet(data.Header, data.Rows.Select((r, i) => new BudgetSheetRow(i + 2, r.Select(c => new ImportCell(c)).ToArray())));
            var outcome = await BudgetImport.RunAsync(db, calendar, new BudgetBatchInput(congressId, kind, BudgetChannel.Demo, id, id, null, year, month), table, null, ct);
            if (!outcome.Succeeded)
                throw new InvalidOperationException($"demo batch {id} refused: {string.Join("; ", outcome.Errors.Take(5))}");
        }
    }

    /// <summary>The deterministic plan: units, their budget lines and projects, and where each anomaly is planted.</summary>
    internal static class Plan
    {
        public sealed record Line(string Function, string Economic, string? ProjectCode, string? ProjectName, decimal Amount, bool Individual, Profile Profile,
            string Document, IndicatorSource Source = IndicatorSource.AnnualBudget, DateOnly? EffectiveOn = null);

        public enum Profile { Normal, ThreePublic, ThreePublicOver, Lagging, YearEndRush, Idle, AboveDocument, CarryOverEarly }

        public sealed record Unit(int Index, string Code, string Name, string? ParentCode, string Function, bool Lagging, List<(string Code, string Name)> Projects);

        private static readonly (string Name, string Function, string? Parent, string[] Projects)[] Departments =
        [
            ("海西州人大常委会办公室", "2010101", null, ["人大代表履职服务保障", "地方性法规立法调研"]),
            ("海西州政协办公室", "2010201", null, ["政协委员履职服务"]),
            ("海西州人民政府办公室", "2010301", null, ["政务服务一体化平台运维", "政府督查考核"]),
            ("海西州发展和改革委员会", "2010401", null, ["重大项目前期工作经费", "价格监测"]),
            ("海西州统计局", "2010501", null, ["第五次全国经济普查"]),
            ("海西州财政局", "2010601", null, ["预算管理一体化系统建设", "财政投资评审"]),
            ("海西州审计局", "2010801", null, ["政府投资审计"]),
            ("海西州监察委员会", "2011101", null, ["案件查办"]),
            ("海西州商务局", "2011301", null, ["招商引资推介"]),
            ("海西州民族宗教事务委员会", "2012301", null, ["民族团结进步创建"]),
            ("海西州档案馆", "2012601", null, ["档案数字化"]),
            ("海西州总工会", "2012901", null, ["困难职工帮扶"]),
            ("海西州委办公室", "2013101", null, ["机要通信保障"]),
            ("海西州委组织部", "2013201", null, ["干部教育培训"]),
            ("海西州委宣传部", "2013301", null, ["新时代文明实践"]),
            ("海西州委统战部", "2013401", null, ["统战工作专项"]),
            ("海西州市场监督管理局", "2013801", null, ["食品安全抽检", "特种设备检验"]),
            ("海西州公安局", "2040201", null, ["天网工程运维", "执法办案专项", "交通管理设施"]),
            ("海西州人民检察院", "2040401", null, ["检察业务装备"]),
            ("海西州中级人民法院", "2040501", null, ["审判业务专项", "智慧法院建设"]),
            ("海西州司法局", "2040601", null, ["法律援助", "人民调解"]),
            ("海西州教育局", "2050101", null, ["学前教育保教费补助", "义务教育薄弱环节改善", "教师培训"]),
            ("海西州第一高级中学", "2050204", "海西州教育局", ["教学楼维修改造", "实验室设备购置"]),
            ("海西州民族高级中学", "2050204", "海西州教育局", ["学生宿舍改造"]),
            ("海西州职业技术学校", "2050302", "海西州教育局", ["实训基地建设"]),
            ("海西州科学技术局", "2060101", null, ["科技计划项目"]),
            ("海西州文体旅游广电局", "2070101", null, ["全域旅游宣传推广", "群众文化活动", "广播电视村村通运维"]),
            ("海西州图书馆", "2070104", "海西州文体旅游广电局", ["图书采购"]),
            ("海西州博物馆", "2070205", "海西州文体旅游广电局", ["文物保护修复"]),
            ("海西州人力资源和社会保障局", "2080101", null, ["就业创业服务", "公益性岗位补贴"]),
            ("海西州社会保险服务局", "2080109", "海西州人力资源和社会保障局", ["社保经办信息化"]),
            ("海西州民政局", "2080201", null, ["城乡最低生活保障", "临时救助", "养老服务体系建设"]),
            ("海西州退役军人事务局", "2082801", null, ["优抚对象补助"]),
            ("海西州残疾人联合会", "2081101", null, ["残疾人康复服务"]),
            ("海西州卫生健康委员会", "2100101", null, ["基本公共卫生服务", "重大公共卫生服务"]),
            ("海西州人民医院", "2100201", "海西州卫生健康委员会", ["医疗设备购置", "住院楼改造"]),
            ("海西州蒙藏医院", "2100202", "海西州卫生健康委员会", ["民族医药传承"]),
            ("海西州疾病预防控制中心", "2100401", "海西州卫生健康委员会", ["疾病监测"]),
            ("海西州医疗保障局", "2101501", null, ["城乡医疗救助"]),
            ("海西州生态环境局", "2110101", null, ["大气污染防治", "生态环境监测"]),
            ("海西州城市管理综合执法局", "2120101", null, ["市容环境整治"]),
            ("海西州住房和城乡建设局", "2120101", null, ["老旧小区改造", "农村危房改造", "城市基础设施维护"]),
            ("海西州农业农村局", "2130101", null, ["高标准农田建设", "动物疫病防控", "农村人居环境整治"]),
            ("海西州农牧业综合服务中心", "2130122", "海西州农业农村局", ["牧区草原畜牧业发展"]),
            ("海西州林业和草原局", "2130201", null, ["三北防护林工程", "草原生态保护修复", "森林防火"]),
            ("海西州水利局", "2130301", null, ["水利工程建设", "防汛抗旱", "水土保持治理", "农村饮水安全巩固"]),
            ("海西州水文水资源勘测局", "2130301", "海西州水利局", ["水文站网建设"]),
            ("海西州交通运输局", "2140101", null, ["农村公路建设", "公路养护"]),
            ("海西州公路总段", "2140106", "海西州交通运输局", ["国省干线养护"]),
            ("海西州工业和信息化局", "2150501", null, ["中小企业发展专项"]),
            ("海西州粮食和物资储备局", "2220101", null, ["应急物资储备"]),
            ("海西州自然资源局", "2200101", null, ["国土空间规划", "自然资源调查监测"]),
            ("海西州气象局", "2200501", null, ["人工影响天气"]),
            ("海西州应急管理局", "2240101", null, ["安全生产监管", "应急救援能力建设"]),
            ("海西州消防救援支队", "2240204", null, ["消防装备购置"]),
            ("海西州地震局", "2240501", null, ["地震监测台网运维"]),
            ("海西州机关事务管理局", "2010301", null, ["公务用车平台运维"]),
            ("海西州妇女联合会", "2012901", null, ["妇女儿童关爱"]),
            ("共青团海西州委员会", "2012901", null, ["青年志愿服务"]),
            ("海西州信访局", "2010301", null, ["信访事项办理"]),
        ];

        private static readonly string[] Lagging = ["海西州水利局", "海西州林业和草原局"];

        public static readonly List<Unit> Units = Departments.Select((d, i) => new Unit(i, $"{(d.Parent is null ? 1 : 2)}{i + 1:D2}001", d.Name, null, d.Function, Lagging.Contains(d.Name),
            d.Projects.Select((p, j) => ($"P632800{i + 1:D2}{j + 1:D2}", p)).ToList())).ToList();

        private static string ParentCode(Unit u) => Departments[u.Index].Parent is { } p ? Units.First(x => x.Name == p).Code : "";

        /// <summary>Planted units, chosen among the large departments so a small planted project moves their rate by well under 5 pp.</summary>
        private static Unit U(string name) => Units.First(u => u.Name == name);
        private static readonly string[] RushUnits = ["海西州公安局", "海西州教育局", "海西州人民医院", "海西州住房和城乡建设局"];
        private static readonly string[] IdleUnits = ["海西州农业农村局", "海西州卫生健康委员会", "海西州交通运输局"];
        private static readonly string[] StaleUnits = ["海西州民政局", "海西州文体旅游广电局"];
        private static readonly string[] AboveUnits = ["海西州发展和改革委员会", "海西州市场监督管理局", "海西州自然资源局"];
        private static readonly string[] WithoutUnits = ["海西州审计局", "海西州司法局", "海西州气象局", "海西州档案馆", "海西州商务局"];
        private const string ReceptionOver = "海西州人民政府办公室", VehiclesOver = "海西州机关事务管理局";

        /// <summary>Basic expenditure in yuan, by unit: large departments 18–40 M, the others 3–15 M (fixed seed).</summary>
        private static decimal Basic(Unit u, int year)
        {
            var big = RushUnits.Concat(IdleUnits).Concat(StaleUnits).Concat(Lagging).Contains(u.Name) || u.Projects.Count >= 3;
            var r = new Random(1000 + u.Index);
            var baseAmount = big ? 18_000_000 + r.Next(0, 22) * 1_000_000 : 3_000_000 + r.Next(0, 12) * 1_000_000;
            return baseAmount * (year switch { 2021 => 0.88m, 2022 => 0.94m, 2023 => 1m, _ => 1.12m });
        }

        public static string Doc(int year, Unit u) => $"西财预〔{year}〕{u.Index + 1}号";

        /// <summary>The budget lines of a unit in a year (each one an indicator line, each paid along its profile).</summary>
        public static List<Line> Lines(Unit u, int year, int scale)
        {
            var basic = Basic(u, year);
            var doc = Doc(year, u);
            var lag = year == StoryYear && u.Lagging;
            var normal = lag ? Profile.Lagging : Profile.Normal;
            var three = lag ? Profile.Lagging : Profile.ThreePublic;
            var r = new Random(year * 100 + u.Index);
            var lines = new List<Line>();
            if (year < StoryYear)
            {
                // Earlier years: one line per unit, for the year-on-year totals; and the carry-overs that become stale in 2023.
                lines.Add(new Line(u.Function, "30199", null, null, basic * 1.3m, false, Profile.Normal, doc));
                if (StaleUnits.Contains(u.Name))
                    lines.Add(new Line(u.Function, "30227", StaleCode(u), StaleName(u), 300_000 + 50_000 * Array.IndexOf(StaleUnits, u.Name), false, Profile.CarryOverEarly,
                        $"西财结〔{year}〕{Array.IndexOf(StaleUnits, u.Name) + 1}号", IndicatorSource.CarryOver));
                return lines;
            }
            lines.Add(new Line(u.Function, "30101", null, null, Round(basic * 0.45m), false, normal, doc));
            lines.Add(new Line(u.Function, "30102", null, null, Round(basic * 0.2m), false, normal, doc));
            lines.Add(new Line(u.Function, "30201", null, null, Round(basic * 0.08m), false, normal, doc));
            // Travel is reimbursed to people: sized by the scale so each payment stays ≤ ¥20,000.
            lines.Add(new Line(u.Function, "30211", null, null, 12m * scale * (3000 + r.Next(0, 4) * 1000), true, normal, doc));
            lines.Add(new Line(u.Function, "30217", null, null, Round(basic * 0.015m), false, year == StoryYear && u.Name == ReceptionOver ? Profile.ThreePublicOver : three, doc));
            lines.Add(new Line(u.Function, "30231", null, null, Round(basic * 0.02m), false, year == StoryYear && u.Name == VehiclesOver ? Profile.ThreePublicOver : three, doc));
            if (u.Index % 5 == 0)
                lines.Add(new Line(u.Function, "30212", null, null, Round(basic * 0.01m), false, three, doc));
            foreach (var (code, name) in u.Projects)
            {
                var (economic, individual) = EconomicOf(name);
                // Projects paid to people are sized by the scale like travel; lagging units have none (their project count is exact).
                var amount = individual && !u.Lagging ? 12m * scale * (4000 + r.Next(0, 4) * 1000) : 600_000 + r.Next(0, 75) * 100_000;
                lines.Add(new Line(u.Function, economic, ProjectCode(code, year), name, amount, individual && !u.Lagging, normal, doc));
            }
            if (year != StoryYear) return lines;
            if (Array.IndexOf(RushUnits, u.Name) is var rush and >= 0)
                lines.Add(new Line(u.Function, "30227", $"P632800{u.Index + 1:D2}91", new[] { "年终慰问活动", "办公楼外立面亮化", "宣传品印制", "档案整理外包" }[rush], 300_000 + 40_000 * rush, false, Profile.YearEndRush, doc));
            if (Array.IndexOf(IdleUnits, u.Name) is var idle and >= 0)
                lines.Add(new Line(u.Function, "31002", $"P632800{u.Index + 1:D2}92", new[] { "智慧农牧信息平台", "远程会诊设备", "治超站称重设备" }[idle], 200_000 + 80_000 * idle, false, Profile.Idle, doc));
            if (Array.IndexOf(StaleUnits, u.Name) is var stale and >= 0)
                lines.Add(new Line(u.Function, "30227", StaleCode(u), StaleName(u), 300_000 + 50_000 * stale, false, Profile.Normal, $"西财结〔{year}〕{stale + 1}号", IndicatorSource.CarryOver));
            if (Array.IndexOf(AboveUnits, u.Name) is var above and >= 0)
                lines.Add(new Line(u.Function, "30299", null, null, 200_000, false, Profile.AboveDocument, $"西财预追〔{year}〕{above + 1}号", IndicatorSource.Addition, new DateOnly(year, 3, 1)));
            return lines;
        }

        private static string StaleCode(Unit u) => $"P632800{u.Index + 1:D2}21";
        private static string StaleName(Unit u) => u.Name.Contains("民政", StringComparison.Ordinal) ? "福利院改扩建（结转）" : "非遗保护传承（结转）";

        /// <summary>A project's code carries its year (a project of the current year is a new project).</summary>
        private static string ProjectCode(string code, int year) => year == StoryYear ? code : code.Replace("P632800", $"P{year % 100:D2}2800", StringComparison.Ordinal);

        private static (string Economic, bool Individual) EconomicOf(string name) => name switch
        {
            _ when name.Contains("补助") || name.Contains("保障") && name.Contains("最低") || name.Contains("救助") || name.Contains("帮扶") => ("30305", true),
            _ when name.Contains("培训") => ("30216", false),
            _ when name.Contains("建设") || name.Contains("改造") || name.Contains("工程") || name.Contains("治理") => ("31005", false),
            _ when name.Contains("购置") || name.Contains("装备") || name.Contains("设备") || name.Contains("采购") => ("31002", false),
            _ when name.Contains("维修") || name.Contains("养护") || name.Contains("运维") => ("30213", false),
            _ => ("30227", false),
        };

        private static decimal Round(decimal d) => Math.Round(d / 100) * 100;

        public static readonly string[] IndicatorHeader = [BudgetColumns.Document, BudgetColumns.UnitCode, BudgetColumns.UnitName, BudgetColumns.Function, BudgetColumns.Economic,
            BudgetColumns.ProjectCode, BudgetColumns.ProjectName, BudgetColumns.ProjectKind, BudgetColumns.Fund, BudgetColumns.Source, BudgetColumns.Adjustment, BudgetColumns.Amount, BudgetColumns.Effective];

        public static (IReadOnlyList<string>, IEnumerable<string[]>) Indicators(int year, int scale)
            => (IndicatorHeader, Units.SelectMany(u => Lines(u, year, scale).Select(l => new[]
            {
                l.Document, u.Code, u.Name, l.Function, l.Economic, l.ProjectCode ?? "", l.ProjectName ?? "", l.ProjectCode is null ? "" : "项目支出",
                "一般公共预算", BudgetLabels.Of(l.Source), l.Source == IndicatorSource.Addition ? "追加" : "", Money(l.Amount),
                (l.EffectiveOn ?? new DateOnly(year, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })).ToList());

        public static readonly string[] PaymentHeader = [BudgetColumns.Voucher, BudgetColumns.UnitCode, BudgetColumns.UnitName, BudgetColumns.Function, BudgetColumns.Economic,
            BudgetColumns.ProjectCode, BudgetColumns.Document, BudgetColumns.Fund, BudgetColumns.Method, BudgetColumns.Amount, BudgetColumns.Reverses, BudgetColumns.Payee,
            BudgetColumns.PayeeKind, BudgetColumns.PayeeBank, BudgetColumns.Summary, BudgetColumns.PaidOn, BudgetColumns.ClearedOn];

        /// <summary>Share of a line's indicator paid in a month, by profile.</summary>
        private static decimal Share(Profile p, int month, int lastMonth) => p switch
        {
            // Smooth: 8 % a month, 12 % in December, 95 % in all (三公 85 %): within ±7 pp of the time line, December 12 % of the year.
            Profile.Normal => 0.95m * (month == 12 ? 0.12m : 0.08m),
            Profile.ThreePublic => 0.85m * (month == 12 ? 0.12m : 0.08m),
            Profile.ThreePublicOver => 1.25m * (month == 12 ? 0.12m : 0.08m),
            // 18 % by June, 43 % by September, 51 % by October (each about 32 pp behind), then catching up to 88 %.
            Profile.Lagging => month <= 6 ? 0.03m : month <= 10 ? 0.0833m : 0.1833m,
            Profile.YearEndRush => month == 12 ? 0.6m : 0.35m / 11,
            Profile.Idle => 0,
            Profile.AboveDocument => month < 3 ? 0 : 1.15m / 10,
            Profile.CarryOverEarly => month == 1 ? 0.3m : 0,
            _ => 0,
        };

        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "韩", "才", "索", "多", "巴", "更", "严"];
        private static readonly string[] Chars = ["建", "海", "志", "秀", "卫", "玉", "国", "丽", "永", "桂", "文", "晓", "德", "春", "振", "红", "成", "雪", "占", "卓", "扎", "萨", "明", "华", "兰", "梅", "强", "东", "军", "平", "英", "芳", "林", "杰", "涛", "静", "霞", "燕", "勇", "娟"];
        private static string Person(int i) => Surnames[i % Surnames.Length] + Chars[i / Surnames.Length % Chars.Length] + Chars[i / (Surnames.Length * Chars.Length) % Chars.Length];

        private static readonly string[] Firms = ["青海海西建设工程有限公司", "格尔木宏达商贸有限公司", "德令哈市瀚海印务有限公司", "海西州柴达木宾馆", "青海中石油昆仑燃气海西分公司",
            "国网青海省电力公司海西供电公司", "德令哈市自来水公司", "青海高原信息技术有限公司", "海西州汽车修理厂", "青海昆仑设计咨询有限公司", "格尔木市公共交通有限公司", "青海柴达木物业服务有限公司"];
        private static readonly string[] Banks = ["中国工商银行海西分行", "中国农业银行德令哈支行", "中国建设银行格尔木分行", "青海银行海西分行", "海西农村商业银行"];

        /// <summary>The planted single payments of Haixi 2023 (to people, above ¥50,000, or in split clusters; and payments without an indicator).</summary>
        private sealed record Special(string Unit, int ProjectIndex, DateOnly On, decimal Amount, string Payee, bool Individual, bool WithoutDocument = false);

        private static readonly Special[] Specials =
        [
            new("海西州公安局", 0, new DateOnly(2023, 4, 12), 58_000, "冶成福", true),
            new("海西州住房和城乡建设局", 0, new DateOnly(2023, 7, 20), 86_500, "祁玉琴", true),
            new("海西州农业农村局", 0, new DateOnly(2023, 11, 8), 120_000, "铁生才", true),
            new("海西州交通运输局", 0, new DateOnly(2023, 5, 8), 19_000, "喇永寿", true),
            new("海西州交通运输局", 0, new DateOnly(2023, 5, 9), 21_500, "喇永寿", true),
            new("海西州交通运输局", 0, new DateOnly(2023, 5, 11), 23_800, "喇永寿", true),
            new("海西州应急管理局", 1, new DateOnly(2023, 9, 12), 24_000, "星海兰", true),
            new("海西州应急管理局", 1, new DateOnly(2023, 9, 13), 19_600, "星海兰", true),
            new("海西州应急管理局", 1, new DateOnly(2023, 9, 15), 22_400, "星海兰", true),
            new("海西州审计局", -1, new DateOnly(2023, 3, 21), 12_800, "海西州柴达木宾馆", false, true),
            new("海西州司法局", -1, new DateOnly(2023, 6, 14), 8_650, "德令哈市瀚海印务有限公司", false, true),
            new("海西州气象局", -1, new DateOnly(2023, 8, 3), 26_000, "青海高原信息技术有限公司", false, true),
            new("海西州档案馆", -1, new DateOnly(2023, 10, 19), 15_300, "青海柴达木物业服务有限公司", false, true),
            new("海西州商务局", -1, new DateOnly(2023, 12, 6), 9_900, "格尔木宏达商贸有限公司", false, true),
        ];

        /// <summary>A month's payments of every unit (month null: the whole year, for the earlier years' totals).</summary>
        public static (IReadOnlyList<string>, IEnumerable<string[]>) Payments(int year, int? month, int scale)
            => (PaymentHeader, (month is { } m ? [m] : Enumerable.Range(1, 12)).SelectMany(mm => Units.SelectMany(u => UnitMonth(u, year, mm, scale))));

        private static IEnumerable<string[]> UnitMonth(Unit u, int year, int month, int scale)
        {
            var lines = Lines(u, year, scale);
            var r = new Random(year * 10_000 + month * 100 + u.Index);
            var seq = 0;
            var days = DateTime.DaysInMonth(year, month);
            var person = (month - 1) * 4 * scale;
            var specials = year == StoryYear ? Specials.Where(s => s.Unit == u.Name && s.On.Month == month).ToList() : [];
            foreach (var (line, li) in lines.Select((l, i) => (l, i)))
            {
                var target = Round(line.Amount * Share(line.Profile, month, 12) * 100) / 100;
                var projectIndex = line.ProjectCode is null ? -1 : u.Projects.FindIndex(p => ProjectCode(p.Code, year) == line.ProjectCode);
                foreach (var s in specials.Where(s => !s.WithoutDocument && s.ProjectIndex == projectIndex && projectIndex >= 0))
                {
                    target -= s.Amount;
                    yield return Row(u, line, year, ref seq, s.On, s.Amount, s.Payee, s.Individual, line.Document, "劳务报酬");
                }
                if (target <= 0) continue;
                var count = line.Individual || line.Amount >= 200_000 ? scale : Math.Max(1, scale / 4);
                var weights = Enumerable.Range(0, count).Select(_ => 0.6 + r.NextDouble() * 0.8).ToArray();
                var total = weights.Sum();
                var left = target;
                for (var k = 0; k < count; k++)
                {
                    var amount = k == count - 1 ? left : Math.Round(target * (decimal)(weights[k] / total), 2);
                    left -= amount;
                    if (amount <= 0) continue;
                    var day = Math.Min(days, 1 + (int)((k + 0.5) * days / count));
                    var payee = line.Individual ? Person(u.Index * 7 + person++) : line.Economic is "30101" or "30102" ? "海西州财政局工资统发专户" : Firms[(u.Index + li + k) % Firms.Length];
                    yield return Row(u, line, year, ref seq, new DateOnly(year, month, day), amount, payee, line.Individual, line.Document, Summary(line));
                }
            }
            foreach (var s in specials.Where(s => s.WithoutDocument))
                yield return Row(u, lines[2], year, ref seq, s.On, s.Amount, s.Payee, false, null, "零星采购");
        }

        private static string Summary(Line l) => l.Economic switch
        {
            "30101" or "30102" => "工资统发", "30201" => "办公用品", "30211" => "差旅费报销", "30217" => "公务接待", "30231" => "公务用车运行维护", "30212" => "因公出国（境）",
            "30305" => "生活补助发放", "31005" => "工程进度款", "31002" => "设备采购", "30213" => "维修维护", "30216" => "培训费", _ => l.ProjectName ?? "其他商品和服务",
        };

        private static string[] Row(Unit u, Line l, int year, ref int seq, DateOnly on, decimal amount, string payee, bool individual, string? document, string summary)
        {
            var voucher = $"ZF{year}{u.Index + 1:D2}{on.Month:D2}{++seq:D6}";
            return
            [
                voucher, u.Code, u.Name, l.Function, l.Economic, l.ProjectCode ?? "", document ?? "", "一般公共预算", individual || amount < 100_000 ? "授权支付" : "直接支付",
                Money(amount), "", payee, individual ? "个人" : "单位", Banks[(u.Index + seq) % Banks.Length], summary,
                on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ];
        }

        private static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

        public static readonly string[] DebtHeader = [BudgetColumns.Record, BudgetColumns.DebtKind, BudgetColumns.Limit, BudgetColumns.Balance, BudgetColumns.AsOf,
            BudgetColumns.Instrument, BudgetColumns.DueOn, BudgetColumns.AmountDue, BudgetColumns.RepaidOn, BudgetColumns.AmountPaid];

        /// <summary>Debt: the general debt well within its limit; in 2023 the special debt above its limit and one repayment (due 2023-11-15) unpaid.</summary>
        public static (IReadOnlyList<string>, IEnumerable<string[]>) Debt(int year, DateOnly today)
        {
            var story = year == StoryYear;
            var asOf = story ? new DateOnly(year, 12, 31) : new DateOnly(year, Math.Max(1, today.Month - 1), 1).AddMonths(1).AddDays(-1);
            var rows = new List<string[]>
            {
                new[] { "限额余额", "一般债务", "12000000000.00", "9800000000.00", D(asOf), "", "", "", "", "" },
                new[] { "限额余额", "专项债务", "8000000000.00", story ? "8320000000.00" : "6900000000.00", D(asOf), "", "", "", "", "" },
            };
            var dues = new[] { (3, 15, "一般债务", "2018年青海省政府一般债券（三期）", 420_000_000m), (6, 15, "专项债务", "2019年青海省政府专项债券（五期）", 650_000_000m),
                (9, 15, "一般债务", "2020年青海省政府一般债券（二期）", 380_000_000m), (11, 15, "专项债务", "2018年青海省政府专项债券（八期）", 510_000_000m) };
            foreach (var (m, d, kind, bond, amount) in dues)
            {
                var due = new DateOnly(year, m, d);
                // The same kinds of bonds, issued as many years before the current year as before 2023.
                var instrument = story ? bond : (year - 2023 + int.Parse(bond[..4], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture) + bond[4..];
                var paid = due < today && !(story && m == 11);
                rows.Add(["还本付息", kind, "", "", "", instrument, D(due), Money(amount), paid ? D(due) : "", paid ? Money(amount) : "0.00"]);
            }
            return (DebtHeader, rows);
        }

        private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>Golmud city (格尔木市): eight units, one indicator line each, smooth monthly payments — for the levels view.</summary>
        public static class Golmud
        {
            private static readonly (string Code, string Name, string Function)[] GolmudUnits =
            [
                ("801001", "格尔木市人民政府办公室", "2010301"), ("801002", "格尔木市教育局", "2050101"), ("801003", "格尔木市卫生健康局", "2100101"),
                ("801004", "格尔木市民政局", "2080201"), ("801005", "格尔木市住房和城乡建设局", "2120101"), ("801006", "格尔木市农牧和科技局", "2130101"),
                ("801007", "格尔木市交通运输局", "2140101"), ("801008", "格尔木市财政局", "2010601"),
            ];

            public static (IReadOnlyList<string>, IEnumerable<string[]>) Indicators(int year)
                => (IndicatorHeader, GolmudUnits.Select((g, i) => new[]
                {
                    $"格财预〔{year}〕{i + 1}号", g.Code, g.Name, g.Function, "30299", "", "", "", "一般公共预算", "年初预算", "", Money(2_400_000 + 600_000 * i), $"{year}-01-01",
                }).ToList());

            public static (IReadOnlyList<string>, IEnumerable<string[]>) Payments(int year, int months)
                => (PaymentHeader, Enumerable.Range(1, Math.Max(0, months)).SelectMany(m => GolmudUnits.Select((g, i) => new[]
                {
                    $"GEM{year}{m:D2}{i + 1:D3}", g.Code, g.Name, g.Function, "30299", "", $"格财预〔{year}〕{i + 1}号", "一般公共预算", "授权支付",
                    Money((2_400_000 + 600_000 * i) * (m == 12 ? 0.114m : 0.076m)), "", Firms[(i + m) % Firms.Length], "单位", Banks[i % Banks.Length], "日常运转",
                    $"{year}-{m:D2}-15", $"{year}-{m:D2}-15",
                })).ToList());
        }
    }
}
