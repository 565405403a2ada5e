using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.Attachments;
using Renda.Tests.Platform.People;
using Renda.Web.Data;
using Renda.Web.Features.BudgetMonitoring;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;

namespace Renda.Tests.Features.BudgetMonitoring;

using static BudgetImportSteps;

/// <summary>
/// Budget data in (issue 17): the finance bureau pushes batches, staff upload files; a batch applies completely or not at all,
/// names every wrong row, is written once however often it is sent, and a correction replaces one month of one unit.
/// </summary>
public abstract class BudgetImportTests(RendaApp app)
{
    private static int RowsOf(JsonElement problem) => problem.GetProperty("rowErrors").GetArrayLength();

    private static List<(int Row, string Column)> Wrong(JsonElement problem)
        => problem.GetProperty("rowErrors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!)).ToList();

    [Fact]
    public async Task A_pushed_month_is_applied_once_however_often_it_is_sent_and_stops_the_months_clock()
    {
        var bureau = await app.FinanceBureauAsync();
        var unit = await app.UnitCodeAsync("海西州教育局");
        var rows = new[]
        {
            Payment("T1-0001", unit, "12000.50", "2026-11-02"),
            Payment("T1-0002", unit, "860.00", "2026-11-03", payee: "王海明", payeeKind: "个人", economic: "30211"),
            Payment("T1-0003", unit, "-860.00", "2026-11-05", payee: "王海明", payeeKind: "个人", economic: "30211", reverses: "T1-0002"),
        };
        var created = await (await bureau.PushAsync("CZ-2026-11-001", "Payments", 2026, rows, month: 11)).ShouldBeOkJsonAsync(HttpStatusCode.Created);
        (created.GetProperty("rowCount").GetInt32(), created.GetProperty("amountSum").GetDecimal(), created.Str("channel"), created.GetProperty("month").GetInt32())
            .ShouldBe((3, 12000.50m, "Push", 11));

        var again = await (await bureau.PushAsync("CZ-2026-11-001", "Payments", 2026, rows, month: 11)).ShouldBeOkJsonAsync();
        again.Id().ShouldBe(created.Id());
        (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber.StartsWith("T1-")))).Count.ShouldBe(3);
        var refund = (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber == "T1-0003"))).Single();
        (refund.Amount, refund.ReversesVoucherNumber, refund.Year, refund.PaidOn).ShouldBe((-860m, "T1-0002", 2026, new DateOnly(2026, 11, 5)));

        await using var s = app.Db();
        var clock = await s.Context.Deadlines.SingleAsync(d => d.SubjectType == BudgetClocks.DataSubject && d.SubjectId == "2026-11" && d.CongressId == s.Context.Congresses.Single(c => c.Code == "632800").Id);
        clock.Status.ShouldBe(DeadlineStatus.Met);

        var list = await bureau.GetJsonAsync($"{Batches}?year=2026&kind=Payments");
        list.GetProperty("items").EnumerateArray().First().Id().ShouldBe(created.Id());
        list.GetProperty("items").EnumerateArray().First().Str("receivedBy").ShouldBe("州财政局经办人");
    }

    [Fact]
    public async Task The_same_batch_id_with_other_content_is_refused_with_409()
    {
        var bureau = await app.FinanceBureauAsync();
        var unit = await app.UnitCodeAsync("海西州民政局");
        await (await bureau.PushAsync("CZ-T2", "Payments", 2026, [Payment("T2-0001", unit, "100.00", "2026-11-04", function: "2080201")])).ShouldBeOkJsonAsync(HttpStatusCode.Created);
        var problem = await (await bureau.PushAsync("CZ-T2", "Payments", 2026, [Payment("T2-0001", unit, "101.00", "2026-11-04", function: "2080201")])).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.Str("detail").ShouldContain("CZ-T2");
        (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber == "T2-0001"))).Single().Amount.ShouldBe(100m);
    }

    [Fact]
    public async Task Control_totals_that_do_not_match_refuse_the_batch_before_anything_is_written()
    {
        var bureau = await app.FinanceBureauAsync();
        var unit = await app.UnitCodeAsync("海西州民政局");
        var rows = new[] { Payment("T3-0001", unit, "100.00", "2026-11-04", function: "2080201"), Payment("T3-0002", unit, "200.00", "2026-11-04", function: "2080201") };
        var count = await (await bureau.PushAsync("CZ-T3", "Payments", 2026, rows, rowCount: 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        count.FieldErrors("control.rowCount").Single().ShouldContain("声明 3 行，实际收到 2 行");
        var sum = await (await bureau.PushAsync("CZ-T3", "Payments", 2026, rows, amountSum: 300.01m)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        sum.FieldErrors("control.amountSum").Single().ShouldContain("300.01");
        (await app.BatchCountAsync("CZ-T3")).ShouldBe(0);
        (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber.StartsWith("T3-")))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_wrong_row_is_named_and_nothing_of_the_batch_is_written()
    {
        var bureau = await app.FinanceBureauAsync();
        var unit = await app.UnitCodeAsync("海西州财政局");
        string existing;
        await using (var s = app.Db())
            existing = await s.Context.Set<TreasuryPayment>().Where(p => p.Year == 2026).OrderBy(p => p.Id).Select(p => p.VoucherNumber).FirstAsync();
        var rows = new[]
        {
            Payment("T4-01", "999999", "100.00", "2026-11-02"),                                     // 1 unknown unit
            Payment("T4-02", unit, "100.00", "2026-11-02", function: "2999999", economic: "30998"), // 2 unknown codes
            Payment("T4-03", unit, "12.345", "2026-11-02"),                                         // 3 three decimals
            Payment("T4-04", unit, "十二元", "2026-11-02"),                                          // 4 not a number
            Payment("T4-05", unit, "100.00", "2025-12-31"),                                         // 5 outside the budget year
            Payment("T4-06", unit, "-100.00", "2026-11-02"),                                        // 6 refund naming no voucher
            Payment("T4-07", unit, "-100.00", "2026-11-02", reverses: "NOPE-1"),                    // 7 refund naming an unknown voucher
            Payment("T4-08", unit, "100.00", "2026-11-02"),
            Payment("T4-08", unit, "100.00", "2026-11-03"),                                         // 9 duplicate in the batch
            Payment(existing, unit, "100.00", "2026-11-03"),                                        // 10 duplicate of an earlier batch
            Payment("T4-11", unit, "100.00", "2026-11-03", project: "P-NONE"),                      // 11 unknown project
            Payment("T4-12", unit, "100.00", "2026-11-03"),                                         // 12 fine
        };
        var problem = await (await bureau.PushAsync("CZ-T4", "Payments", 2026, rows)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var wrong = Wrong(problem);
        wrong.ShouldBe([(1, "预算单位编码"), (2, "功能分类科目编码"), (2, "经济分类科目编码"), (3, "金额"), (4, "金额"), (5, "支付日期"), (6, "原支付凭证号"),
            (7, "原支付凭证号"), (9, "支付凭证号"), (10, "支付凭证号"), (11, "项目编码")], ignoreOrder: true);
        var messages = problem.FieldErrors("rows");
        messages.ShouldContain(m => m.StartsWith("第 3 行：金额 — ") && m.Contains("超过两位小数"));
        messages.ShouldContain(m => m.StartsWith("第 5 行：支付日期 — ") && m.Contains("不在预算年度 2026 年内"));
        messages.ShouldContain(m => m.StartsWith("第 7 行：原支付凭证号 — ") && m.Contains("NOPE-1"));
        problem.Str("detail").ShouldContain("整批未导入");
        (await app.BatchCountAsync("CZ-T4")).ShouldBe(0);
        (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber.StartsWith("T4-")))).ShouldBeEmpty();
    }

    /// <summary>
    /// A year's first batch takes another road on PostgreSQL (loaded bare into its own table, attached as the year's partition
    /// at the end): its wrong rows are named the same way and leave nothing — not even the table — and the next batch of the
    /// year, into the partition, still finds the first one's vouchers.
    /// </summary>
    [Fact]
    public async Task A_years_first_batch_names_its_duplicates_and_refunds_and_leaves_nothing_when_refused()
    {
        var bureau = await app.FinanceBureauAsync();
        var unit = await app.UnitCodeAsync("海西州教育局");
        var bad = new[]
        {
            Payment("F1-01", unit, "500.00", "2033-03-02"),
            Payment("F1-02", unit, "-100.00", "2033-03-03", reverses: "F1-01"),     // 2 refund of a voucher of this batch: fine
            Payment("F1-01", unit, "700.00", "2033-03-04"),                         // 3 duplicate in the batch
            Payment("F1-04", unit, "-100.00", "2033-03-05", reverses: "F1-NONE"),   // 4 refund naming an unknown voucher
            Payment("F1-02", unit, "800.00", "2033-03-06"),                         // 5 duplicate in the batch
        };
        var problem = await (await bureau.PushAsync("CZ-F1-bad", "Payments", 2033, bad)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Wrong(problem).ShouldBe([(3, "支付凭证号"), (4, "原支付凭证号"), (5, "支付凭证号")], ignoreOrder: true);
        problem.FieldErrors("rows").ShouldContain(m => m.StartsWith("第 3 行：支付凭证号 — ") && m.Contains("F1-01"));
        (await app.PaymentsAsync(q => q.Where(p => p.Year == 2033))).ShouldBeEmpty();
        (await app.BatchCountAsync("CZ-F1-bad")).ShouldBe(0);
        await using (var s = app.Db())
            if (s.Context.Provider == DatabaseProvider.Postgres)
                (await s.Context.Database.SqlQueryRaw<bool>("SELECT to_regclass('\"TreasuryPayments_2033\"') IS NOT NULL AS \"Value\"").ToListAsync()).Single().ShouldBeFalse();

        var good = new[] { Payment("F1-01", unit, "500.00", "2033-03-02"), Payment("F1-02", unit, "-100.00", "2033-03-03", reverses: "F1-01"), Payment("F1-03", unit, "250.25", "2033-04-01") };
        (await (await bureau.PushAsync("CZ-F1", "Payments", 2033, good)).ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("rowCount").GetInt32().ShouldBe(3);
        (await app.PaymentsAsync(q => q.Where(p => p.Year == 2033))).Sum(p => p.Amount).ShouldBe(650.25m);
        await using (var s = app.Db())
        {
            (await s.Context.Set<BudgetExecutionMonthly>().Where(x => x.Year == 2033).SumAsync(x => x.Amount)).ShouldBe(650.25m);
            if (s.Context.Provider == DatabaseProvider.Postgres)
                (await s.Context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_inherits WHERE inhrelid = '\"TreasuryPayments_2033\"'::regclass").ToListAsync()).Single().ShouldBe(1);
        }

        // The year's second batch: a voucher of the first is a duplicate, a refund of it is fine.
        var next = await (await bureau.PushAsync("CZ-F2-bad", "Payments", 2033, [Payment("F2-01", unit, "-50.00", "2033-05-02", reverses: "F1-03"), Payment("F1-03", unit, "1.00", "2033-05-03")]))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Wrong(next).ShouldBe([(2, "支付凭证号")]);
        (await (await bureau.PushAsync("CZ-F2", "Payments", 2033, [Payment("F2-01", unit, "-50.00", "2033-05-02", reverses: "F1-03")])).ShouldBeOkJsonAsync(HttpStatusCode.Created))
            .GetProperty("rowCount").GetInt32().ShouldBe(1);
        (await app.PaymentsAsync(q => q.Where(p => p.Year == 2033))).Sum(p => p.Amount).ShouldBe(600.25m);
    }

    [Fact]
    public async Task A_correction_batch_replaces_one_month_of_one_unit()
    {
        var bureau = await app.FinanceBureauAsync();
        var unit = await app.UnitCodeAsync("海西州档案馆");
        int unitId;
        await using (var s = app.Db())
            unitId = await s.Context.Set<BudgetUnit>().Where(u => u.Code == unit).Select(u => u.Id).SingleAsync();
        var october = (DateOnly d) => d >= new DateOnly(2026, 10, 1) && d < new DateOnly(2026, 11, 1);
        (await app.PaymentsAsync(q => q.Where(p => p.Year == 2026 && p.BudgetUnitId == unitId))).Count(p => october(p.PaidOn)).ShouldBeGreaterThan(2);
        var othersBefore = (await app.PaymentsAsync(q => q.Where(p => p.Year == 2026 && p.BudgetUnitId != unitId))).Count;

        var wrongUnit = await (await bureau.PushAsync("CZ-T5-bad", "Payments", 2026, [Payment("T5-09", await app.UnitCodeAsync("海西州民政局"), "1.00", "2026-10-09")],
            month: 10, correctsUnitCode: unit)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Wrong(wrongUnit).ShouldBe([(1, "预算单位编码")]);

        var rows = new[] { Payment("T5-01", unit, "5000.00", "2026-10-09", function: "2012601"), Payment("T5-02", unit, "7000.00", "2026-10-20", function: "2012601") };
        var batch = await (await bureau.PushAsync("CZ-T5", "Payments", 2026, rows, month: 10, correctsUnitCode: unit)).ShouldBeOkJsonAsync(HttpStatusCode.Created);
        batch.Str("correctsUnit").ShouldBe("海西州档案馆");
        (await app.PaymentsAsync(q => q.Where(p => p.Year == 2026 && p.BudgetUnitId == unitId))).Where(p => october(p.PaidOn)).Select(p => p.VoucherNumber)
            .ShouldBe(["T5-01", "T5-02"], ignoreOrder: true);
        (await app.PaymentsAsync(q => q.Where(p => p.Year == 2026 && p.BudgetUnitId != unitId))).Count.ShouldBe(othersBefore);
    }

    [Fact]
    public async Task Indicators_bring_new_units_and_projects_that_payments_may_then_name()
    {
        var bureau = await app.FinanceBureauAsync();
        var indicators = new[]
        {
            new Dictionary<string, object?>
            {
                ["指标文号"] = "西财预〔2026〕900号", ["预算单位编码"] = "190001", ["预算单位名称"] = "海西州数据局", ["功能分类科目编码"] = "2010301", ["经济分类科目编码"] = "30227",
                ["项目编码"] = "P2690001", ["项目名称"] = "政务数据共享平台", ["资金性质"] = "一般公共预算", ["指标来源"] = "追加", ["调整类型"] = "追加", ["金额"] = "800000", ["生效日期"] = "2026-11-02",
            },
        };
        (await (await bureau.PushAsync("CZ-T6-i", "Indicators", 2026, indicators)).ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("rowCount").GetInt32().ShouldBe(1);
        var pay = await (await bureau.PushAsync("CZ-T6-p", "Payments", 2026, [Payment("T6-01", "190001", "120000.00", "2026-11-10", function: "2010301", economic: "30227", project: "P2690001", document: "西财预〔2026〕900号")]))
            .ShouldBeOkJsonAsync(HttpStatusCode.Created);
        pay.GetProperty("rowCount").GetInt32().ShouldBe(1);
        await using var s = app.Db();
        var unit = await s.Context.Set<BudgetUnit>().SingleAsync(u => u.Code == "190001");
        unit.Name.ShouldBe("海西州数据局");
        (await s.Context.Set<BudgetProject>().SingleAsync(p => p.Code == "P2690001")).BudgetUnitId.ShouldBe(unit.Id);
    }

    [Fact]
    public async Task Staff_upload_a_GB18030_CSV_and_an_XLSX_and_the_same_file_twice_is_written_once()
    {
        var staff = await app.BudgetStaffAsync();
        var unit = await app.UnitCodeAsync("海西州民政局");
        var csv = Csv([Payment("T7-01", unit, "3200.00", "2026-11-06", payee: "喇永寿", payeeKind: "个人", function: "2080201", economic: "30305"),
            Payment("T7-02", unit, "1,800.50", "2026-11-06", function: "2080201")]);
        using var gb = Renda.Tests.Platform.Attachments.Uploads.Write("民政局11月.csv", ImportFiles.Gb18030(csv));
        var first = await (await staff.UploadFileAsync(UploadUrl, gb.Path, "民政局11月.csv", new() { ["kind"] = "Payments" })).ShouldBeOkJsonAsync(HttpStatusCode.Created);
        (first.Str("channel"), first.GetProperty("rowCount").GetInt32(), first.GetProperty("amountSum").GetDecimal(), first.Str("fileName")).ShouldBe(("Upload", 2, 5000.50m, "民政局11月.csv"));
        (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber == "T7-01"))).Single().PayeeName.ShouldBe("喇永寿");
        var second = await (await staff.UploadFileAsync(UploadUrl, gb.Path, "民政局11月.csv", new() { ["kind"] = "Payments" })).ShouldBeOkJsonAsync();
        second.Id().ShouldBe(first.Id());

        using var xlsx = Renda.Tests.Platform.Attachments.Uploads.Write("支付.xlsx", Xlsx([Payment("T7-03", unit, "2500.25", "2026-11-09", function: "2080201")]));
        var fromXlsx = await (await staff.UploadFileAsync(UploadUrl, xlsx.Path, "支付.xlsx", new() { ["kind"] = "Payments", ["year"] = "2026" })).ShouldBeOkJsonAsync(HttpStatusCode.Created);
        fromXlsx.GetProperty("amountSum").GetDecimal().ShouldBe(2500.25m);
        (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber.StartsWith("T7-")))).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_file_that_is_no_spreadsheet_or_over_the_size_limit_is_refused_by_content()
    {
        var staff = await app.BudgetStaffAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        using var image = Renda.Tests.Platform.Attachments.Uploads.Write("支付明细.csv", png);
        var notTable = await (await staff.UploadFileAsync(UploadUrl, image.Path, "支付明细.csv", new() { ["kind"] = "Payments" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        notTable.FieldErrors("file").Single().ShouldContain("不是 CSV 或 XLSX");

        int congressId;
        await using (var s = app.Db())
        {
            congressId = await s.Context.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
            await Settings.SaveAsync(s.Context, congressId, new BudgetSettings { MaxUploadMegabytes = 1, FinanceBureauUnitId = (await Settings.ForAsync<BudgetSettings>(s.Context, congressId)).FinanceBureauUnitId });
        }
        try
        {
            var unit = await app.UnitCodeAsync("海西州民政局");
            var big = Csv(Enumerable.Range(1, 9000).Select(i => Payment($"T8-{i:D5}", unit, "10.00", "2026-11-06", function: "2080201")));
            using var file = Renda.Tests.Platform.Attachments.Uploads.Write("大.csv", System.Text.Encoding.UTF8.GetBytes(big));
            new FileInfo(file.Path).Length.ShouldBeGreaterThan(1024 * 1024);
            var tooLarge = await (await staff.UploadFileAsync(UploadUrl, file.Path, "大.csv", new() { ["kind"] = "Payments" })).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            tooLarge.Str("detail").ShouldContain("1 MB");
            (await app.PaymentsAsync(q => q.Where(p => p.VoucherNumber.StartsWith("T8-")))).ShouldBeEmpty();
        }
        finally
        {
            await using var s = app.Db();
            var restored = await Settings.ForAsync<BudgetSettings>(s.Context, congressId);
            restored.MaxUploadMegabytes = 100;
            await Settings.SaveAsync(s.Context, congressId, restored);
        }
    }

    [Fact]
    public async Task The_upload_page_shows_what_was_imported_and_the_batches()
    {
        var browser = await app.BrowserClientAsync("daigongwei");
        var page = WebUtility.HtmlDecode(await (await browser.GetAsync("/budget/import")).Content.ReadAsStringAsync());
        page.ShouldContain("id=\"Kind\"");
        page.ShouldContain("demo-2023-payments-12");
        var unit = await app.UnitCodeAsync("海西州民政局");
        using var file = Renda.Tests.Platform.Attachments.Uploads.Write("十一月.csv", System.Text.Encoding.UTF8.GetBytes(Csv([Payment("T9-01", unit, "4321.00", "2026-11-12", function: "2080201")])));
        var html = await FormUploadAsync(browser, file.Path, "十一月.csv", "Payments");
        html.ShouldContain("已导入");
        html.ShouldContain("4,321.00");
        using var bad = Renda.Tests.Platform.Attachments.Uploads.Write("坏.csv", System.Text.Encoding.UTF8.GetBytes(Csv([Payment("T9-02", "000000", "1.001", "2026-11-12")])));
        var refused = await FormUploadAsync(browser, bad.Path, "坏.csv", "Payments");
        refused.ShouldContain("第 2 行：预算单位编码 — ", customMessage: refused[Math.Max(0, refused.IndexOf("<main", StringComparison.Ordinal))..]);
        refused.ShouldContain("第 2 行：金额 — ");
        (await (await app.ApiClientAsync("jiaoyuju")).GetAsync("/budget/import")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await (await app.ApiClientAsync("jiaoyuju")).PostJsonAsync(Batches, new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<string> FormUploadAsync(HttpClient browser, string path, string name, string kind)
    {
        var form = await (await browser.GetAsync("/budget/import")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent();
        await using var stream = File.OpenRead(path);
        content.Add(new StreamContent(stream), "File", name);
        content.Add(new StringContent(kind), "Kind");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await browser.PostAsync("/budget/import", content);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

public sealed class BudgetImportTests_Sqlite(SqliteApp app) : BudgetImportTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetImportTests_Postgres(PostgresApp app) : BudgetImportTests(app), IClassFixture<PostgresApp>;
