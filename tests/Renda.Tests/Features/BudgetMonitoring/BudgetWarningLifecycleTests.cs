using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Features.Filings;
using Renda.Tests.Features.Legislation;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.BudgetMonitoring;

using static BudgetWarningSteps;

/// <summary>
/// A warning from its check to its closure: dismissed with a reason, or sent with the reply clock, answered by the unit's
/// officer with attachments, accepted (销号) or rejected back with a new clock; every refusal with its status and reason;
/// the rules page's settings validated; statistics and the unit's home alert.
/// </summary>
public abstract class BudgetWarningLifecycleTests(RendaApp app)
{
    [Fact]
    public async Task A_sent_warning_is_answered_rejected_answered_again_and_closed_with_its_clocks_and_notifications()
    {
        var (id, unit) = await app.RaisedWarningAsync();
        var staff = await app.StaffAsync();
        var officer = await app.OfficerAsync();
        var before = await staff.WarningAsync(id);
        before.Str("detail").ShouldContain("向个人支付 60,000.00 元");
        before.GetProperty("actions").GetProperty("send").GetBoolean().ShouldBeTrue();
        before.GetProperty("evidence").EnumerateArray().Single().Str("payee").ShouldBe("李四");

        await staff.PostJsonAsync($"{Warnings}/{id}/send").DoneAsync();
        var clock = (await app.ClocksAsync(BudgetClocks.WarningSubject, id)).Single();
        (clock.Purpose, clock.Status, clock.Unit, clock.Amount, clock.OwnerHandlingUnitId).ShouldBe(("reply", DeadlineStatus.Open, PeriodUnit.WorkingDays, 10, await BudgetTestData.HandlingUnitIdAsync(app)));
        (await NotificationsAsync(OfficerAccount, id)).ShouldContain(t => t.StartsWith("收到预算预警"));

        // The officer sees it in the unit's queue, with the payee's name masked, and answers with an attachment.
        var queue = await officer.GetJsonAsync($"{Warnings}/unit");
        queue.EnumerateArray().First().Id().ShouldBe(id);
        var seen = await officer.WarningAsync(id);
        seen.GetProperty("evidence")[0].Str("payee").ShouldBe("李*");
        seen.GetProperty("actions").GetProperty("answer").GetBoolean().ShouldBeTrue();
        await UploadAsync(officer, id);
        await officer.PostJsonAsync($"{Warnings}/{id}/answer", new { explanation = "临时聘用人员劳务费，已补签合同。", rectification = "改为按月支付。" }).DoneAsync();
        (await app.ClocksAsync(BudgetClocks.WarningSubject, id)).Single().Status.ShouldBe(DeadlineStatus.Met);
        (await NotificationsAsync(StaffAccount, id)).ShouldContain(t => t.StartsWith("预警已答复"));

        await staff.PostJsonAsync($"{Warnings}/{id}/reject", new { reason = "未附劳务合同，请补充。" }).DoneAsync();
        var clocks = await app.ClocksAsync(BudgetClocks.WarningSubject, id);
        clocks.Select(c => c.Status).ShouldBe([DeadlineStatus.Met, DeadlineStatus.Open]);
        var rejected = await staff.WarningAsync(id);
        (rejected.GetProperty("item").Str("status"), rejected.GetProperty("item").GetProperty("round").GetInt32()).ShouldBe(("Sent", 2));
        (await NotificationsAsync(OfficerAccount, id)).ShouldContain(t => t.StartsWith("预警答复被退回"));

        await officer.PostJsonAsync($"{Warnings}/{id}/answer", new { explanation = "已补充劳务合同。" }).DoneAsync();
        await staff.PostJsonAsync($"{Warnings}/{id}/accept", new { note = "" }).DoneAsync();
        var closed = await staff.WarningAsync(id);
        closed.GetProperty("item").Str("statusLabel").ShouldBe("已销号");
        closed.GetProperty("replies").EnumerateArray().Select(r => r.Str("kind")).ShouldBe(["Answer", "Rejected", "Answer", "Accepted"]);
        closed.GetProperty("attachments").GetArrayLength().ShouldBe(1);
        closed.GetProperty("actions").EnumerateObject().ShouldAllBe(a => !a.Value.GetBoolean());
        (await app.ClocksAsync(BudgetClocks.WarningSubject, id)).ShouldAllBe(c => c.Status == DeadlineStatus.Met);
        unit.Id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Every_refusal_has_its_status_and_reason()
    {
        var (id, _) = await app.RaisedWarningAsync();
        var staff = await app.StaffAsync();
        var officer = await app.OfficerAsync();
        var otherOfficer = await app.ApiClientAsync("zhengfu");
        // 400 naming the field; 409 with the state; 403 for the wrong actor or another unit's officer; 404 for another congress.
        await staff.PostJsonAsync($"{Warnings}/{id}/dismiss", new { reason = " " }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await staff.PostJsonAsync($"{Warnings}/{id}/accept").ShouldBeRefusedAsync(HttpStatusCode.Conflict, contains: "当前状态为“待核实”，不能认可并销号");
        await officer.PostJsonAsync($"{Warnings}/{id}/send").ShouldBeRefusedAsync(HttpStatusCode.Forbidden);
        await (await app.ApiClientAsync("qh-staff")).PostJsonAsync($"{Warnings}/{id}/send").ShouldBeRefusedAsync(HttpStatusCode.NotFound);
        await staff.PostJsonAsync($"{Warnings}/{id}/send").DoneAsync();
        await staff.PostJsonAsync($"{Warnings}/{id}/send").ShouldBeRefusedAsync(HttpStatusCode.Conflict, contains: "当前状态为“待答复”");
        await otherOfficer.PostJsonAsync($"{Warnings}/{id}/answer", new { explanation = "越权答复" }).ShouldBeRefusedAsync(HttpStatusCode.Forbidden);
        (await otherOfficer.GetAsync($"{Warnings}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await staff.PostJsonAsync($"{Warnings}/{id}/answer", new { explanation = "工作人员不能代答" }).ShouldBeRefusedAsync(HttpStatusCode.Forbidden);
        await officer.PostJsonAsync($"{Warnings}/{id}/answer", new { explanation = "" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "explanation");
        await officer.PostJsonAsync($"{Warnings}/{id}/answer", new { explanation = "说明" }).DoneAsync();
        await staff.PostJsonAsync($"{Warnings}/{id}/reject", new { reason = "" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await officer.PostJsonAsync($"{Warnings}/{id}/accept").ShouldBeRefusedAsync(HttpStatusCode.Forbidden);
        (await officer.GetAsync(Warnings)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A unit with no handling unit of its own: the warning goes to the finance bureau (the demo sets it).
        var (orphan, _) = await app.RaisedWarningAsync(handled: false);
        await staff.PostJsonAsync($"{Warnings}/{orphan}/send").DoneAsync();
        (await staff.WarningAsync(orphan)).Str("handlingUnitName").ShouldBe("海西州财政局");
        // A dismissed warning cannot be sent.
        (orphan, _) = await app.RaisedWarningAsync(handled: false);
        await staff.PostJsonAsync($"{Warnings}/{orphan}/dismiss", new { reason = "该单位已撤销，支付为清算款。" }).DoneAsync();
        (await staff.WarningAsync(orphan)).GetProperty("item").Str("statusLabel").ShouldBe("已排除");
        await staff.PostJsonAsync($"{Warnings}/{orphan}/send").ShouldBeRefusedAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unanswered_warning_escalates_like_every_clock_and_shows_on_the_units_home()
    {
        var id = await app.SentWarningAsync();
        var officerHome = await (await app.BrowserClientAsync(OfficerAccount)).GetStringAsync("/");
        officerHome.ShouldContain($"href=\"/budget/warnings/{id}\"");
        officerHome.ShouldContain("预警待答复");
        var due = (await app.ClocksAsync(BudgetClocks.WarningSubject, id)).Single().DueOn;
        var monitor = app.Services.GetRequiredService<DeadlineMonitor>();
        try
        {
            app.Clock.Set(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
            await monitor.RunOnceAsync(app.Clock.GetUtcNow());
            var clock = (await app.ClocksAsync(BudgetClocks.WarningSubject, id)).Single();
            (clock.Status, clock.EscalationLevel).ShouldBe((DeadlineStatus.Overdue, 1));
            var item = (await app.WarningsAsync(year: 2026)).First();
            (item.Id(), item.GetProperty("overdue").GetBoolean()).ShouldBe((id, true)); // urgent first
            var stats = await (await app.StaffAsync()).GetJsonAsync($"{Warnings}/statistics?year=2026");
            stats.GetProperty("overdue").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            app.Clock.Set(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Statistics_count_by_rule_unit_and_state_with_time_to_close_and_export_to_excel()
    {
        var id = await app.AnsweredWarningAsync();
        var staff = await app.StaffAsync();
        await staff.PostJsonAsync($"{Warnings}/{id}/accept").DoneAsync();
        var stats = await staff.GetJsonAsync($"{Warnings}/statistics?year=2026");
        stats.GetProperty("closed").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        stats.GetProperty("medianWorkingDaysToClose").GetDecimal().ShouldBe(0m);
        stats.GetProperty("byRule").EnumerateArray().Single(r => r.Str("key") == "LargePaymentToIndividual").GetProperty("closed").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        stats.GetProperty("byState").GetArrayLength().ShouldBe(5);
        var xlsx = await staff.GetAsync($"{Warnings}/statistics.xlsx?year=2026");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Endpoints.Xlsx);
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe(new byte[] { (byte)'P', (byte)'K' });
        (await (await app.OfficerAsync()).GetAsync($"{Warnings}/statistics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Rules_are_set_per_congress_with_every_field_validated_and_the_new_threshold_applies()
    {
        var staff = await app.StaffAsync();
        var rules = await staff.GetJsonAsync("/api/v1/budget/rules");
        rules.GetArrayLength().ShouldBe(11);
        var lagging = rules.EnumerateArray().Single(r => r.Str("kind") == "ExecutionLagging");
        (lagging.GetProperty("threshold").GetDecimal(), lagging.Str("cutOffs")).ShouldBe((15m, "06-30,09-30,10-31"));
        lagging.Str("reason").ShouldContain("时间进度");

        const string Url = "/api/v1/budget/rules/LargePaymentToIndividual";
        await staff.PutJsonAsync(Url, new { enabled = true, threshold = -1 }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "threshold");
        await staff.PutJsonAsync(Url, new { threshold = 1000 }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "enabled");
        await staff.PutJsonAsync(Url, new { enabled = true, threshold = 1000, scope = "NO-SUCH-UNIT" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "scope", "NO-SUCH-UNIT");
        await staff.PutJsonAsync("/api/v1/budget/rules/ExecutionLagging", new { enabled = true, threshold = 15, secondThreshold = 500000, cutOffs = "13-45" })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "cutOffs", "13-45");
        await (await app.OfficerAsync()).PutJsonAsync(Url, new { enabled = true, threshold = 1000 }).ShouldBeRefusedAsync(HttpStatusCode.Forbidden);

        // Lowered to ¥30,000 for one unit only: that unit's ¥40,000 payment fires, another unit's does not.
        var d = new BudgetTestData(app);
        var inScope = await d.UnitAsync("海西州体育局");
        var outside = await d.UnitAsync("海西州档案馆");
        try
        {
            var saved = await (await staff.PutJsonAsync(Url, new { enabled = true, threshold = 30_000, scope = inScope.Code })).ShouldBeOkJsonAsync();
            (saved.GetProperty("threshold").GetDecimal(), saved.Str("scope"), saved.GetProperty("customised").GetBoolean()).ShouldBe((30_000m, inScope.Code, true));
            d.Indicator(inScope, "西财预〔T〕1号", 40_000m, "2026-01-01").Indicator(outside, "西财预〔T〕1号", 40_000m, "2026-01-01")
                .ToIndividual(inScope, 40_000m, "2026-02-02", "陈一").ToIndividual(outside, 40_000m, "2026-02-02", "陈二");
            await d.ApplyBothAsync(2026);
            (await app.WarningsAsync(inScope.Id)).Single().GetProperty("threshold").GetDecimal().ShouldBe(30_000m);
            (await app.WarningsAsync(outside.Id)).ShouldBeEmpty();
            await using var scope = app.Db();
            (await scope.Context.AuditRecords.CountAsync(a => a.EntityType == nameof(WarningRule))).ShouldBeGreaterThan(0);
        }
        finally
        {
            await (await staff.PutJsonAsync(Url, new { enabled = true, threshold = 50_000 })).ShouldBeOkJsonAsync();
        }
    }

    [Fact]
    public async Task The_pages_show_the_warning_its_payments_and_the_officers_queue()
    {
        var id = await app.SentWarningAsync();
        var staff = await app.BrowserClientAsync(StaffAccount);
        (await staff.GetStringAsync("/budget/warnings?year=2026")).ShouldContain($"/budget/warnings/{id}");
        var detail = await staff.GetStringAsync($"/budget/warnings/{id}");
        detail.ShouldContain("大额支付给个人");
        var payment = (await app.WarningRowAsync(id)).Evidence.Single().RecordId;
        (await staff.GetStringAsync($"/budget/warnings/{id}/payments/{payment}")).ShouldContain("李四");
        (await staff.GetStringAsync("/budget/rules")).ShouldContain("执行进度滞后");
        (await staff.GetStringAsync("/budget/warnings/statistics?year=2026")).ShouldContain("销号率");
        var officer = await app.BrowserClientAsync(OfficerAccount);
        (await officer.GetStringAsync("/budget/warnings/unit")).ShouldContain($"/budget/warnings/{id}");
        (await officer.GetStringAsync($"/budget/warnings/{id}/payments/{payment}")).ShouldContain("李*");
        // A page refused to a signed-in user redirects to the access-denied page.
        var refused = await officer.GetAsync("/budget/warnings");
        refused.StatusCode.ShouldBe(HttpStatusCode.Found);
        refused.Headers.Location!.ToString().ShouldContain("/forbidden");
    }

    [Fact]
    public async Task A_budget_report_shows_the_years_execution_and_open_warnings_and_its_opinions_cite_a_warning()
    {
        var id = await app.SentWarningAsync();
        int reportId;
        await using (var scope = app.Db())
        {
            var congress = await BudgetTestData.HaixiIdAsync(app);
            var report = new Renda.Web.Features.Supervision.WorkReport
            {
                CongressId = congress, Year = 2026, Kind = Renda.Web.Features.Supervision.WorkReportKind.BudgetExecution, Title = "海西州人民政府关于2026年上半年预算执行情况的报告",
                OrganId = await BudgetTestData.HandlingUnitIdAsync(app, "海西州人民政府"),
            };
            scope.Context.Add(report);
            await scope.Context.SaveChangesAsync();
            reportId = report.Id;
        }
        var staff = await app.StaffAsync();
        var view = await staff.GetJsonAsync($"{Warnings}/reports/{reportId}");
        view.GetProperty("execution").GetProperty("payments").GetDecimal().ShouldBeGreaterThan(0);
        view.GetProperty("openWarnings").EnumerateArray().Select(w => w.Id()).ShouldContain(id);
        await staff.PostJsonAsync($"{Warnings}/{id}/citations", new { workReportId = reportId }).DoneAsync();
        await staff.PostJsonAsync($"{Warnings}/{id}/citations", new { workReportId = reportId }).ShouldBeRefusedAsync(HttpStatusCode.Conflict);
        await staff.PostJsonAsync($"{Warnings}/{id}/citations", new { }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "workReportId");
        (await staff.GetJsonAsync($"{Warnings}/reports/{reportId}")).GetProperty("cited").EnumerateArray().Single().Id().ShouldBe(id);
        (await (await app.BrowserClientAsync(StaffAccount)).GetStringAsync($"/supervision/reports/{reportId}")).ShouldContain("report-budget");
    }

    private async Task<List<string>> NotificationsAsync(string userName, int warningId)
    {
        await using var scope = app.Db();
        var link = $"/budget/warnings/{warningId}";
        return await scope.Context.Notifications.Where(n => n.Link == link && scope.Context.Accounts.Any(a => a.Id == n.AccountId && a.UserName == userName)).Select(n => n.Title).ToListAsync();
    }

    private static async Task UploadAsync(HttpClient client, int warningId)
    {
        using var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", "劳务合同.pdf");
        form.Add(new StringContent(BudgetWarningWorkflow.Subject), "ownerType");
        form.Add(new StringContent(warningId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "ownerId");
        (await client.PostAsync("/api/v1/attachments", form)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_warning_list_opens_on_every_year_and_the_statistics_on_the_latest_year_with_warnings()
    {
        int total, latest;
        await using (var scope = app.Db())
        {
            var haixi = await scope.Context.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
            var warnings = scope.Context.Set<BudgetWarning>().Where(w => w.CongressId == haixi);
            (total, latest) = (await warnings.CountAsync(), await warnings.MaxAsync(w => w.Year));
        }
        total.ShouldBeGreaterThan(0, "the demo's Haixi 2023 warnings");
        var staff = await app.BrowserClientAsync("daigongwei");
        (await staff.GetStringAsync("/budget/warnings")).ShouldContain($"共 {total} 条");
        (await staff.GetStringAsync("/budget/warnings/statistics")).ShouldContain($"{latest} 年预警统计");
    }
}

public sealed class BudgetWarningLifecycleTests_Sqlite(SqliteApp app) : BudgetWarningLifecycleTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetWarningLifecycleTests_Postgres(PostgresApp app) : BudgetWarningLifecycleTests(app), IClassFixture<PostgresApp>;
