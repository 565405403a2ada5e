using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Filings;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Identity;

namespace Renda.Tests.Features.Filings;

using static FilingSteps;

/// <summary>Filing (备案): the filer files, staff check it within 10 days — receipt, return for resubmission, referral; bad filings are refused and nothing is written.</summary>
public abstract class FilingIntakeTests(RendaApp app)
{
    [Fact]
    public async Task A_filed_document_gets_its_receipt_and_its_active_review_with_the_clocks_running()
    {
        var filer = await app.FilerAsync();
        var filing = await filer.FileAsync("海西州人民政府关于印发海西州城市道路挖掘管理办法的通知", Today.AddDays(-10));
        filing.Str("status").ShouldBe("Submitted");
        filing.Str("filerName").ShouldBe("海西州人民政府");
        filing.GetProperty("late").GetBoolean().ShouldBeFalse();
        var check = (await app.ClocksAsync("Filing", filing.Id())).Single();
        (check.Purpose, check.Status, check.DueOn).ShouldBe(("check", DeadlineStatus.Open, Today.AddDays(10)));
        check.Source.ShouldBe(new Renda.Web.Features.Filings.FilingSettings().IntakeBasis);

        var staff = await app.ReviewerAsync();
        (await staff.GetJsonAsync($"{FilingSteps.Filings}?status=Submitted")).GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldContain(filing.Id());
        await staff.PostJsonAsync($"/api/v1/filings/{filing.Id()}/receive").DoneAsync();
        (await staff.PostJsonAsync($"/api/v1/filings/{filing.Id()}/receive")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var received = await staff.FilingAsync(filing.Id());
        received.Str("status").ShouldBe("Received");
        received.Str("registrationNumber").ShouldStartWith("备〔2026〕");
        received.Str("receivedOn").ShouldBe(Today.Iso());
        var review = received.GetProperty("reviews").EnumerateArray().Single();
        (review.Str("mode"), review.Str("status")).ShouldBe(("Active", "Registered"));
        (await app.ClocksAsync("Filing", filing.Id())).Single().Status.ShouldBe(DeadlineStatus.Met);
        var pass = (await app.ClocksAsync("Review", review.Id())).Single();
        (pass.Purpose, pass.Unit, pass.Amount, pass.Status).ShouldBe(("pass", PeriodUnit.WorkingDays, 5, DeadlineStatus.Open));
        // The filer sees its receipt among its own filings, not the review.
        var mine = (await filer.GetJsonAsync("/api/v1/filings/mine")).GetProperty("items").EnumerateArray().Single(i => i.Id() == filing.Id());
        mine.Str("statusLabel").ShouldBe("已登记");
        (await filer.FilingAsync(filing.Id())).GetProperty("reviews").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_filing_more_than_30_days_after_publication_is_flagged_late_and_counted()
    {
        var staff = await app.ReviewerAsync();
        var before = await staff.StatisticsAsync(2026);
        var filer = await app.FilerAsync();
        var late = await filer.FileAsync("海西州人民政府关于印发海西州户外广告设置管理办法的通知", Today.AddDays(-31));
        var onTime = await filer.FileAsync("海西州人民政府关于印发海西州城市照明管理办法的通知", Today.AddDays(-30));
        late.GetProperty("late").GetBoolean().ShouldBeTrue();
        onTime.GetProperty("late").GetBoolean().ShouldBeFalse();
        await staff.PostJsonAsync($"/api/v1/filings/{late.Id()}/receive").DoneAsync();
        await staff.PostJsonAsync($"/api/v1/filings/{onTime.Id()}/receive").DoneAsync();

        var after = await staff.StatisticsAsync(2026);
        after.GetProperty("received").GetInt32().ShouldBe(before.GetProperty("received").GetInt32() + 2);
        after.GetProperty("late").GetInt32().ShouldBe(before.GetProperty("late").GetInt32() + 1);
        (await staff.GetJsonAsync($"{FilingSteps.Filings}?late=true&year=2026")).GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldContain(late.Id());
    }

    [Fact]
    public async Task A_returned_filing_is_resubmitted_within_its_clock_and_a_misaddressed_one_is_referred()
    {
        var filer = await app.FilerAsync();
        var staff = await app.ReviewerAsync();
        var filing = await filer.FileAsync("海西州人民政府关于印发海西州殡葬管理办法的通知");
        (await staff.PostJsonAsync($"/api/v1/filings/{filing.Id()}/return", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await staff.PostJsonAsync($"/api/v1/filings/{filing.Id()}/return", new { reason = "未附起草说明，请补正后重新报送。" }).DoneAsync();
        var clocks = await app.ClocksAsync("Filing", filing.Id());
        clocks.Select(c => (c.Purpose, c.Status)).ShouldBe([("check", DeadlineStatus.Met), ("resubmit", DeadlineStatus.Open)]);
        clocks[1].DueOn.ShouldBe(Today.AddDays(10));
        (await filer.FilingAsync(filing.Id())).Str("returnReason").ShouldBe("未附起草说明，请补正后重新报送。");

        await filer.PostJsonAsync($"/api/v1/filings/{filing.Id()}/resubmit", new { explanation = "关于《海西州殡葬管理办法》的起草说明：……" }).DoneAsync();
        var again = await staff.FilingAsync(filing.Id());
        (again.Str("status"), again.GetProperty("resubmissions").GetInt32(), again.Str("explanation")).ShouldBe(("Submitted", 1, "关于《海西州殡葬管理办法》的起草说明：……"));
        (await app.ClocksAsync("Filing", filing.Id())).Select(c => (c.Purpose, c.Status)).ShouldBe([("check", DeadlineStatus.Met), ("resubmit", DeadlineStatus.Met), ("check", DeadlineStatus.Open)]);
        await staff.PostJsonAsync($"/api/v1/filings/{filing.Id()}/receive").DoneAsync();

        var misaddressed = await filer.FileAsync("海西州民政局关于印发社会救助家庭经济状况核对办法的通知");
        await staff.PostJsonAsync($"/api/v1/filings/{misaddressed.Id()}/refer", new { referredTo = "海西州人民政府" }).DoneAsync();
        var referred = await staff.FilingAsync(misaddressed.Id());
        (referred.Str("status"), referred.Str("referredTo")).ShouldBe(("Referred", "海西州人民政府"));
        referred.GetProperty("reviews").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_filing_without_the_document_in_the_future_or_from_an_organ_not_entitled_is_refused_and_nothing_is_written()
    {
        var filer = await app.FilerAsync();
        var before = await app.CountAsync<Filing>();
        var deadlines = await app.CountAsync<Deadline>();

        await filer.TryFileAsync(FilingSteps.Document("没有正文的文件", text: "  ")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "没有文件的备案不予接收");
        await filer.TryFileAsync(FilingSteps.Document("明天才公布的文件", Today.AddDays(1))).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "公布日期不能晚于今天");
        // A department is not a filing organ; the prefecture government does not file with the province; nor does Golmud's congress.
        var department = await app.ApiClientAsync("jiaoyuju");
        await department.TryFileAsync(FilingSteps.Document("海西州教育局关于学校安全管理的规定")).ShouldBeRefusedAsync(HttpStatusCode.Forbidden, "不是向海西州人大常委会报备的机关");
        await filer.TryFileAsync(FilingSteps.Document("报错了人大的文件"), "630000").ShouldBeRefusedAsync(HttpStatusCode.Forbidden, "青海省人大常委会");
        var golmud = await app.ApiClientAsync("gem-staff");
        await golmud.TryFileAsync(FilingSteps.Document("越级报备的决定"), "630000").ShouldBeRefusedAsync(HttpStatusCode.Forbidden, "报备的机关");
        // Staff of the congress itself review, they do not file.
        await (await app.ReviewerAsync()).TryFileAsync(FilingSteps.Document("工作人员自己报备")).ShouldBeRefusedAsync(HttpStatusCode.Forbidden, "报备的机关");

        (await app.CountAsync<Filing>()).ShouldBe(before);
        (await app.CountAsync<Deadline>()).ShouldBe(deadlines);
        // The lower congress's standing committee files with the congress above it.
        var decision = await golmud.TryFileAsync(FilingSteps.Document("格尔木市人大常委会关于加强饮用水水源保护的决定")).CreatedAsync();
        (decision.Str("filerType"), decision.Str("filerName")).ShouldBe(("LowerCongress", "格尔木市人大常委会"));
    }

    [Fact]
    public async Task Filings_are_listed_by_year_with_filters_and_the_list_is_staff_only()
    {
        var staff = await app.ReviewerAsync();
        var list = await staff.GetJsonAsync($"{FilingSteps.Filings}?year=2023&pageSize=50");
        list.GetProperty("total").GetInt32().ShouldBe(8);
        list.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetString() == "Archived" && i.GetProperty("filerName").GetString() == "海西州人民政府");
        (await staff.GetJsonAsync($"{FilingSteps.Filings}?status=ProblemFound")).GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        (await (await app.FilerAsync()).GetAsync(FilingSteps.Filings)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var member = await app.ApiClientAsync("weiyuan");
        (await member.GetAsync(FilingSteps.Filings)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A filing is seen by the receiving congress's staff and its own filer only.
        var some = list.GetProperty("items")[0].Id();
        (await (await app.FilerAsync()).GetAsync($"/api/v1/filings/{some}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.ApiClientAsync("jiaoyuju")).GetAsync($"/api/v1/filings/{some}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ApiClientAsync("qh-staff")).GetAsync($"/api/v1/filings/{some}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ApiClientAsync("qh-staff")).GetAsync(FilingSteps.Filings)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.FilerAsync()).PostJsonAsync($"/api/v1/filings/{some}/receive")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class FilingIntakeTests_Sqlite(SqliteApp app) : FilingIntakeTests(app), IClassFixture<SqliteApp>;
public sealed class FilingIntakeTests_Postgres(PostgresApp app) : FilingIntakeTests(app), IClassFixture<PostgresApp>;
