using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

/// <summary>
/// A year of budget data written straight through the DbContext, as the import will write it (one batch per call, in a
/// transaction, ending with BudgetBatchEffects.ApplyAsync); the test keeps the rows it made to compute the expected figures.
/// </summary>
public sealed class BudgetSet
{
    public required int CongressId { get; init; }
    public required int Year { get; init; }
    public required List<BudgetUnit> Units { get; init; }
    public required List<BudgetProject> Projects { get; init; }
    public List<BudgetIndicator> Indicators { get; } = [];
    public List<TreasuryPayment> Payments { get; } = [];
}

public static class BudgetAnalysisData
{
    public static readonly string[] Functions = ["2050201", "2050202", "2080501", "2130101"];
    public static readonly string[] Economics = ["30201", "30211", "30212", "30217", "30231", "31013", "31002"];
    public static readonly string[] Individuals = ["张建国", "李秀英", "王志强"];
    public static readonly string[] Organisations = ["青海通达建设有限公司", "海西州宏远办公用品商行", "德令哈市云杉宾馆"];

    /// <summary>
    /// Units (named after <paramref name="tag"/>), each with projects and indicators (an annual budget line and an addition per
    /// project), and <paramref name="payments"/> payments spread over the first <paramref name="months"/> months, a third to individuals.
    /// </summary>
    public static async Task<BudgetSet> SeedAsync(this RendaApp app, string tag, int year, int units = 3, int payments = 240, int months = 12,
        string congressCode = "632800", int? handlingUnitId = null, int seed = 17)
    {
        var random = new Random(seed);
        await using var scope = app.Db();
        var db = scope.Context;
        await EnsureClassificationsAsync(db);
        var congressId = await db.Congresses.Where(c => c.Code == congressCode).Select(c => c.Id).SingleAsync();
        var unitRows = Enumerable.Range(1, units).Select(i => new BudgetUnit
        {
            CongressId = congressId, Code = $"{tag}{i:D2}", Name = $"{tag}测试单位{i}", HandlingUnitId = i == 1 ? handlingUnitId : null,
        }).ToList();
        db.AddRange(unitRows);
        await db.SaveChangesAsync();
        var projects = unitRows.SelectMany(u => Enumerable.Range(1, 2).Select(j => new BudgetProject
        {
            CongressId = congressId, BudgetUnitId = u.Id, Code = $"{u.Code}-P{j}", Name = $"{u.Name}{(j == 1 ? "草原生态保护补助" : "公用经费")}项目", Kind = j == 1 ? "项目支出" : "基本支出",
        })).ToList();
        db.AddRange(projects);
        await db.SaveChangesAsync();
        var set = new BudgetSet { CongressId = congressId, Year = year, Units = unitRows, Projects = projects };

        var indicatorBatch = await BatchAsync(db, congressId, year, BudgetDataKind.Indicators, $"{tag}-ind");
        foreach (var (p, k) in projects.Select((p, k) => (p, k)))
            foreach (var (econ, source, amount, on) in new[]
                     {
                         (Economics[k % Economics.Length], IndicatorSource.AnnualBudget, 400_000m + k * 10_000m, new DateOnly(year, 1, 1)),
                         (Economics[(k + 2) % Economics.Length], IndicatorSource.Addition, 50_000.50m, new DateOnly(year, 7, 1)),
                     })
                set.Indicators.Add(new BudgetIndicator
                {
                    CongressId = congressId, BatchId = indicatorBatch, Year = year, DocumentNumber = $"西财预〔{year}〕{p.Id}号", BudgetUnitId = p.BudgetUnitId,
                    FunctionCode = Functions[k % Functions.Length], EconomicCode = econ, ProjectId = p.Id, FundNature = k % 3 == 2 ? FundNature.GovernmentFund : FundNature.GeneralPublic,
                    Source = source, Amount = amount, EffectiveOn = on,
                });
        db.AddRange(set.Indicators);
        await db.SaveChangesAsync();

        var rows = new List<TreasuryPayment>();
        for (var n = 0; n < payments; n++)
        {
            var p = projects[random.Next(projects.Count)];
            var month = 1 + n % months;
            var individual = n % 3 == 0;
            rows.Add(Payment(set, p.BudgetUnitId, random.Next(5) == 0 ? null : p.Id, $"{tag}{n:D5}", new DateOnly(year, month, 1 + random.Next(28)),
                Math.Round((decimal)(random.NextDouble() * 20_000) + 0.01m, 2),
                individual ? Individuals[n / 3 % Individuals.Length] : Organisations[n / 3 % Organisations.Length], individual ? PayeeKind.Individual : PayeeKind.Organisation,
                Functions[random.Next(Functions.Length)], Economics[random.Next(Economics.Length)], random.Next(4) == 0 ? FundNature.GovernmentFund : FundNature.GeneralPublic));
        }
        await app.ApplyPaymentsAsync(set, rows, $"{tag}-pay");
        return set;
    }

    public static TreasuryPayment Payment(BudgetSet set, int unitId, int? projectId, string voucher, DateOnly paidOn, decimal amount, string payee, PayeeKind kind,
        string function = "2050201", string economic = "30201", FundNature fund = FundNature.GeneralPublic, string? reverses = null) => new()
        {
            Year = set.Year, CongressId = set.CongressId, VoucherNumber = voucher, BudgetUnitId = unitId, FunctionCode = function, EconomicCode = economic,
            ProjectId = projectId, IndicatorDocumentNumber = projectId is { } pid ? $"西财预〔{set.Year}〕{pid}号" : null, FundNature = fund,
            Method = PaymentMethod.Direct, Amount = amount, ReversesVoucherNumber = reverses, PayeeName = payee, PayeeKind = kind,
            PayeeBank = kind == PayeeKind.Individual ? "中国农业银行德令哈支行" : "中国工商银行海西分行", Summary = reverses is null ? "购置办公用品" : "退回多付款项", PaidOn = paidOn,
            ClearedOn = paidOn.AddDays(1),
        };

    /// <summary>
    /// One payments batch as the import applies it: in one transaction, the rows of <paramref name="replace"/> (a correction's unit and
    /// month) deleted, the new rows written, then the batch's effects (aggregates, rules) over what it touched.
    /// </summary>
    public static async Task ApplyPaymentsAsync(this RendaApp app, BudgetSet set, List<TreasuryPayment> rows, string externalId, (int Unit, int Month)? replace = null)
    {
        await using var scope = app.Db();
        var db = scope.Context;
        await using var tx = await db.Database.BeginTransactionAsync();
        var batch = await BatchAsync(db, set.CongressId, set.Year, BudgetDataKind.Payments, externalId, replace);
        var months = rows.Select(r => r.PaidOn.Month).ToHashSet();
        var units = rows.Select(r => r.BudgetUnitId).ToHashSet();
        if (replace is { } r)
        {
            var first = new DateOnly(set.Year, r.Month, 1);
            var last = first.AddMonths(1).AddDays(-1);
            await db.Set<TreasuryPayment>().Where(p => p.CongressId == set.CongressId && p.Year == set.Year && p.BudgetUnitId == r.Unit && p.PaidOn >= first && p.PaidOn <= last)
                .ExecuteDeleteAsync();
            set.Payments.RemoveAll(p => p.BudgetUnitId == r.Unit && p.PaidOn.Month == r.Month);
            months.Add(r.Month);
            units.Add(r.Unit);
        }
        var next = (await db.Set<TreasuryPayment>().MaxAsync(p => (long?)p.Id) ?? 0) + 1;
        foreach (var row in rows)
        {
            row.Id = next++;
            row.BatchId = batch;
        }
        db.AddRange(rows);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await BudgetBatchEffects.ApplyAsync(db, new BudgetBatchScope(set.CongressId, BudgetDataKind.Payments, set.Year, months, units), CancellationToken.None);
        await tx.CommitAsync();
        set.Payments.AddRange(rows);
    }

    private static async Task<int> BatchAsync(RendaDbContext db, int congressId, int year, BudgetDataKind kind, string externalId, (int Unit, int Month)? replace = null)
    {
        var batch = new BudgetBatch
        {
            CongressId = congressId, Kind = kind, Channel = BudgetChannel.Demo, ExternalId = externalId, ContentHash = externalId, Year = year, Month = replace?.Month,
            CorrectsBudgetUnitId = replace?.Unit, ReceivedAt = DateTime.UtcNow,
        };
        db.Add(batch);
        await db.SaveChangesAsync();
        return batch.Id;
    }

    /// <summary>The national codes the tests use, added once if the database has none of them (the import's reference data).</summary>
    private static async Task EnsureClassificationsAsync(RendaDbContext db)
    {
        var codes = new (ClassificationKind, string, string)[]
        {
            (ClassificationKind.Functional, "205", "教育支出"), (ClassificationKind.Functional, "20502", "普通教育"), (ClassificationKind.Functional, "2050201", "学前教育"),
            (ClassificationKind.Functional, "2050202", "小学教育"), (ClassificationKind.Functional, "208", "社会保障和就业支出"), (ClassificationKind.Functional, "20805", "行政事业单位养老支出"),
            (ClassificationKind.Functional, "2080501", "行政单位离退休"), (ClassificationKind.Functional, "213", "农林水支出"), (ClassificationKind.Functional, "21301", "农业农村"),
            (ClassificationKind.Functional, "2130101", "行政运行"), (ClassificationKind.Economic, "302", "商品和服务支出"), (ClassificationKind.Economic, "30201", "办公费"),
            (ClassificationKind.Economic, "30211", "差旅费"), (ClassificationKind.Economic, "30212", "因公出国（境）费用"), (ClassificationKind.Economic, "30217", "公务接待费"),
            (ClassificationKind.Economic, "30231", "公务用车运行维护费"), (ClassificationKind.Economic, "310", "资本性支出"), (ClassificationKind.Economic, "31013", "公务用车购置"),
            (ClassificationKind.Economic, "31002", "办公设备购置"),
        };
        var existing = (await db.Set<BudgetClassification>().Select(c => new { c.Kind, c.Code }).ToListAsync()).Select(c => (c.Kind, c.Code)).ToHashSet();
        db.AddRange(codes.Where(c => !existing.Contains((c.Item1, c.Item2))).Select(c => new BudgetClassification { Kind = c.Item1, Code = c.Item2, Name = c.Item3 }));
        await db.SaveChangesAsync();
    }

    public static async Task<JsonElement> GetJsonOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A table's rows as (cells by column key, drill links) for assertions.</summary>
    public static List<(Dictionary<string, JsonElement> Cells, Dictionary<string, string> Drill, bool Total, string? Key)> Rows(this JsonElement table)
    {
        var keys = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();
        return table.GetProperty("rows").EnumerateArray().Select(r => (
            r.GetProperty("cells").EnumerateArray().Select((c, i) => (c, i)).ToDictionary(x => keys[x.i], x => x.c),
            r.GetProperty("drill").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            r.GetProperty("total").GetBoolean(),
            r.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null)).ToList();
    }

    public static decimal Dec(this JsonElement e) => e.ValueKind == JsonValueKind.Null ? 0 : e.GetDecimal();
}
