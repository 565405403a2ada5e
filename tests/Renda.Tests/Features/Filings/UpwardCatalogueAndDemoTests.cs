using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;

namespace Renda.Tests.Features.Filings;

using static FilingSteps;

/// <summary>Upward filing from legislation, the annual catalogue against the filings, and the demo's figures (seed 000) with the annual report.</summary>
public abstract class UpwardCatalogueAndDemoTests(RendaApp app)
{
    [Fact]
    public async Task A_regulation_handed_over_by_the_legislation_module_appears_in_the_upper_congresss_filings_with_its_clock()
    {
        int filingId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            var receiver = scope.ServiceProvider.GetRequiredService<IUpwardFilingReceiver>();
            var golmud = await db.Congresses.Where(c => c.Code == "632801").Select(c => c.Id).SingleAsync();
            var haixi = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            filingId = await receiver.ReceiveAsync(db, new UpwardFiling(golmud, haixi, "格尔木市城市绿化条例", "格尔木市人大常委会公告第3号", "格尔木市人大常委会",
                Today.AddDays(-3), "第一条 为了促进城市绿化事业的发展……", "Regulation", 77, null), default);
            await tx.CommitAsync();
        }
        var staff = await app.ReviewerAsync();
        var listed = (await staff.GetJsonAsync($"{FilingSteps.Filings}?status=Submitted&pageSize=100")).GetProperty("items").EnumerateArray().Single(i => i.Id() == filingId);
        (listed.Str("filerName"), listed.Str("filerType"), listed.Str("sourceType")).ShouldBe(("格尔木市人大常委会", "LowerCongress", "Regulation"));
        var detail = await staff.FilingAsync(filingId);
        (detail.Str("kind"), detail.GetProperty("sourceId").GetInt32(), detail.GetProperty("late").GetBoolean()).ShouldBe(("Regulation", 77, false));
        var check = detail.GetProperty("clocks").EnumerateArray().Single();
        (check.Str("purpose"), check.Str("status"), check.Str("dueOn")).ShouldBe(("check", "Open", Today.AddDays(10).Iso()));
        await staff.PostJsonAsync($"/api/v1/filings/{filingId}/receive").DoneAsync();
        // Golmud's staff see it among their filings with the receipt.
        var golmudStaff = await app.ApiClientAsync("gem-staff");
        (await golmudStaff.GetJsonAsync("/api/v1/filings/mine")).GetProperty("items").EnumerateArray().Single(i => i.Id() == filingId).Str("status").ShouldBe("Received");

        // Only to the congress directly above.
        await using var scope2 = app.Services.CreateAsyncScope();
        var db2 = scope2.ServiceProvider.GetRequiredService<RendaDbContext>();
        var province = await db2.Congresses.Where(c => c.Code == "630000").Select(c => c.Id).SingleAsync();
        var golmudId = await db2.Congresses.Where(c => c.Code == "632801").Select(c => c.Id).SingleAsync();
        await Should.ThrowAsync<Renda.Web.Platform.Web.DomainException>(() => scope2.ServiceProvider.GetRequiredService<IUpwardFilingReceiver>()
            .ReceiveAsync(db2, new UpwardFiling(golmudId, province, "越级报备", null, "格尔木市人大常委会", Today, "正文", "Regulation", 78, null), default));
    }

    [Fact]
    public async Task The_catalogue_is_compared_with_the_filings_and_lists_the_unfiled_documents_for_follow_up()
    {
        var filer = await app.FilerAsync();
        var staff = await app.ReviewerAsync();
        var filed = await filer.FileAsync("海西州人民政府关于印发海西州档案管理办法的通知", Today.AddDays(-20));
        await staff.PostJsonAsync($"/api/v1/filings/{filed.Id()}/receive").DoneAsync();
        // A catalogue of 2024: one document filed (listed with another bracket style), two never filed.
        await using (var scope = app.Db())
        {
            var f = await scope.Context.Set<Renda.Web.Features.Filings.Filing>().SingleAsync(x => x.Id == filed.Id());
            f.PublishedOn = new DateOnly(2024, 6, 1);
            f.DocumentNumber = "西政〔2024〕77号";
            await scope.Context.SaveChangesAsync();
        }
        var comparison = await filer.PostJsonAsync($"/api/v1/congresses/{FilingSteps.Haixi}/filing-catalogues", new
        {
            year = 2024,
            entries = new object[]
            {
                new { title = "海西州人民政府关于印发海西州档案管理办法的通知", documentNumber = "西政[2024]77号", publishedOn = "2024-06-01" },
                new { title = "海西州人民政府关于印发海西州无障碍环境建设办法的通知", documentNumber = "西政〔2024〕80号", publishedOn = "2024-07-01" },
                new { title = "海西州人民政府关于印发海西州气象灾害防御办法的通知", documentNumber = (string?)null, publishedOn = "2024-08-01" },
            },
        }).CreatedAsync();
        (comparison.GetProperty("entries").GetInt32(), comparison.GetProperty("filed").GetInt32()).ShouldBe((3, 1));
        comparison.GetProperty("late").GetBoolean().ShouldBeTrue(); // 16 November is after 31 January
        var unfiled = comparison.GetProperty("unfiled").EnumerateArray().ToList();
        unfiled.Select(u => u.Str("title")).ShouldBe(["海西州人民政府关于印发海西州无障碍环境建设办法的通知", "海西州人民政府关于印发海西州气象灾害防御办法的通知"]);
        (await filer.PostJsonAsync($"/api/v1/congresses/{FilingSteps.Haixi}/filing-catalogues", new { year = 2024, entries = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await filer.PostJsonAsync($"/api/v1/congresses/{FilingSteps.Haixi}/filing-catalogues", new { year = 2026, entries = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await staff.PostJsonAsync($"/api/v1/catalogue-entries/{unfiled[0].Id()}/follow-up", new { note = "已电话督促州政府办公室，要求十日内补报。" }).DoneAsync();
        var again = await staff.GetJsonAsync($"/api/v1/filing-catalogues/{comparison.GetProperty("catalogueId").GetInt32()}/comparison");
        again.GetProperty("unfiled")[0].Str("followUpNote").ShouldBe("已电话督促州政府办公室，要求十日内补报。");
        // Those who owe last year's catalogue: the demo's government sent it; the court, the procuratorate and the cities and counties did not.
        var missing = (await staff.GetJsonAsync($"/api/v1/congresses/{FilingSteps.Haixi}/filing-catalogues/missing?year=2025")).EnumerateArray().Select(e => e.GetString()).ToList();
        missing.ShouldNotContain("海西州人民政府");
        missing.ShouldContain("海西州中级人民法院");
        missing.ShouldContain("格尔木市人大常委会");
        missing.Count.ShouldBe(9); // 监察委员会、法院、检察院 and six cities and counties
        (await (await app.ApiClientAsync("jiaoyuju")).GetAsync($"/api/v1/filing-catalogues/{comparison.GetProperty("catalogueId").GetInt32()}/comparison")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Haixi_2023_gives_the_seed_reports_filing_figures_and_the_annual_report_exports_to_word()
    {
        var staff = await app.ReviewerAsync();
        var s = await staff.StatisticsAsync(2023);
        (s.GetProperty("received").GetInt32(), s.GetProperty("late").GetInt32(), s.GetProperty("reviewed").GetInt32(), s.GetProperty("problemsFound").GetInt32(),
            s.GetProperty("corrected").GetInt32(), s.GetProperty("archived").GetInt32(), s.GetProperty("campaignDocuments").GetInt32()).ShouldBe((8, 0, 8, 0, 0, 8, 39));
        s.GetProperty("byFilerType").EnumerateArray().Single(l => l.Str("key") == "Government").GetProperty("count").GetInt32().ShouldBe(8);
        s.GetProperty("campaigns").EnumerateArray().Select(c => c.Str("theme")).ShouldBe(["黄河流域保护", "青藏高原生态环境保护", "物业管理"]);
        // The upper congress sees the statistics of the one below.
        (await (await app.ApiClientAsync("qh-staff")).StatisticsAsync(2023)).GetProperty("received").GetInt32().ShouldBe(8);

        var published = await app.Anonymous().GetJsonAsync($"/api/v1/public/congresses/{FilingSteps.Haixi}/filing-reports/2023");
        published.Str("text").ShouldContain("共收集整理州人大及各市人大决议决定等规范性文件39件，对海西州人民政府报备的8件规范性文件，按规定程序逐一备案、审查、归档");
        published.Str("text").ShouldContain("涉及黄河流域保护、青藏高原生态环境保护、物业管理等规范性文件清理工作");

        var response = await staff.GetAsync($"{FilingSteps.Filings}/report.docx?year=2023");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        text.ShouldContain("海西州人大常委会2023年度备案审查工作情况报告");
        text.ShouldContain("逐一备案、审查、归档");
    }

    [Fact]
    public async Task An_administrator_sets_the_reply_period_and_the_next_written_opinion_runs_on_it()
    {
        var admin = await app.BrowserClientAsync("sysadmin");
        var saved = await admin.PostFormAsync("/admin/filing-settings", new() { ["S.OpinionReplyDays"] = "30", ["S.FormalCheckDays"] = "10" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");
        var refused = await admin.PostFormAsync("/admin/filing-settings", new() { ["S.OpinionReplyDays"] = "0" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("须在 1 到 180 之间");
        var staffPage = await (await app.BrowserClientAsync("fagongwei")).GetAsync("/admin/filing-settings");
        staffPage.StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var (_, reviewId) = await app.ReceivedFilingAsync("海西州人民政府关于印发海西州城市排水管理办法的通知");
        await app.ReviewedAsync(reviewId, problem: true);
        var staff = await app.ReviewerAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Communication", text = "沟通。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Opinion", text = "发出书面审查意见。" }).DoneAsync();
        var reply = (await app.ClocksAsync("Review", reviewId)).Single(c => c.Purpose == "reply");
        (reply.Amount, reply.DueOn).ShouldBe((30, Today.AddDays(30)));
    }

    [Fact]
    public async Task The_published_annual_report_is_public_and_copied_to_the_congress_above()
    {
        var staff = await app.ReviewerAsync();
        (await staff.PostJsonAsync($"{FilingSteps.Filings}/reports/2026/publish")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var published = await (await staff.PostJsonAsync($"{FilingSteps.Filings}/reports/2025/publish")).ShouldBeOkJsonAsync();
        published.Str("text").ShouldContain("对海西州人民政府报备的4件规范性文件，按规定程序逐一备案、审查、归档");
        (await app.Anonymous().GetJsonAsync($"/api/v1/public/congresses/{FilingSteps.Haixi}/filing-reports/2025")).Str("text").ShouldBe(published.Str("text"));
        await using var scope = app.Db();
        var qinghai = await scope.Context.Accounts.Where(a => a.UserName == "qh-staff").Select(a => a.Id).SingleAsync();
        (await scope.Context.Notifications.AnyAsync(n => n.AccountId == qinghai && n.Title == "海西州人大常委会2025年度备案审查工作报告（抄送）")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_current_year_of_the_demo_has_filings_in_every_state_one_late_and_one_problem_under_correction()
    {
        var staff = await app.ReviewerAsync();
        var all = (await staff.GetJsonAsync($"{FilingSteps.Filings}?year=2026&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        all.Select(i => i.Str("status")).Distinct().Order().ShouldBe(new[] { "Annulled", "Archived", "ProblemFound", "Received", "Referred", "Returned", "Submitted", "UnderReview" }.Order());
        all.Count(i => i.GetProperty("late").GetBoolean()).ShouldBeGreaterThanOrEqualTo(1);
        var problem = await staff.FilingAsync(all.Single(i => i.Str("title") == "海西州人民政府关于印发海西州城市房屋征收补偿办法的通知").Id());
        problem.Str("status").ShouldBe("ProblemFound");
        var review = problem.GetProperty("reviews")[0];
        review.Str("status").ShouldBe("OpinionIssued");
        review.GetProperty("clocks").EnumerateArray().Single(c => c.Str("purpose") == "reply").Str("status").ShouldBe("Open");
        review.GetProperty("suggestionIds").GetArrayLength().ShouldBe(1);
        await using var scope = app.Db();
        (await scope.Context.Deadlines.AnyAsync(d => d.SubjectType == "Filing" && d.Status == DeadlineStatus.Open)).ShouldBeTrue();
    }
}

public sealed class UpwardCatalogueAndDemoTests_Sqlite(SqliteApp app) : UpwardCatalogueAndDemoTests(app), IClassFixture<SqliteApp>;
public sealed class UpwardCatalogueAndDemoTests_Postgres(PostgresApp app) : UpwardCatalogueAndDemoTests(app), IClassFixture<PostgresApp>;
