using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Filings;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Filings;

using static FilingSteps;
using Renda.Web.Platform.Modules;

/// <summary>Citizens' review suggestions (审查建议): an anonymous public form, the feedback clocks, and the result told to the proposer.</summary>
public abstract class ReviewSuggestionTests(RendaApp app)
{
    private const string Form = $"/api/v1/public/congresses/{FilingSteps.Haixi}/review-suggestions";

    private static object Suggestion(string documentTitle, string content = "该办法第九条设定了出租汽车驾驶员州级审批，属于规范性文件设定行政许可，建议审查。", string name = "张卫东")
        => new { proposerName = name, organisation = (string?)null, contact = "13997001234", documentTitle, issuingOrgan = "海西州人民政府", content };

    [Fact]
    public async Task An_anonymous_suggestion_is_taken_up_into_the_review_and_its_proposer_reads_the_result_with_the_tracking_code()
    {
        var (filingId, reviewId) = await app.ReceivedFilingAsync("海西州人民政府关于印发海西州城市集中供热管理办法的通知");
        var citizen = app.Anonymous();
        var receipt = await citizen.PostJsonAsync(Form, Suggestion("海西州城市集中供热管理办法", "第十四条规定欠缴供热费即可停止供水，与上位法不一致，建议审查其合法性。")).CreatedAsync();
        var code = receipt.Str("trackingCode");
        code.Length.ShouldBe(10);
        int id;
        await using (var scope = app.Db())
            id = await scope.Context.Set<ReviewSuggestion>().Where(s => s.TrackingCode == code).Select(s => s.Id).SingleAsync();
        (await app.ClocksAsync("ReviewSuggestion", id)).Select(c => (c.Purpose, c.Unit, c.Amount, c.Status))
            .ShouldBe([("complete", PeriodUnit.WorkingDays, 5, DeadlineStatus.Open), ("takeup", PeriodUnit.CalendarDays, 10, DeadlineStatus.Open)]);
        var status = await citizen.GetJsonAsync($"/api/v1/public/review-suggestions/{code}");
        (status.Str("status"), status.Str("congress")).ShouldBe(("Received", "海西州人大常委会"));
        status.TryGetProperty("contact", out _).ShouldBeFalse();

        var staff = await app.ReviewerAsync();
        var listed = (await staff.GetJsonAsync($"/api/v1/congresses/{FilingSteps.Haixi}/review-suggestions?status=Received")).EnumerateArray().Single(s => s.Id() == id);
        listed.Str("contact").ShouldBe("13997001234");
        // The filing's review is running: the suggestion joins it rather than opening a second one.
        var taken = await (await staff.PostJsonAsync($"/api/v1/review-suggestions/{id}/take-up", new { filingId })).ShouldBeOkJsonAsync();
        taken.GetProperty("reviewId").GetInt32().ShouldBe(reviewId);
        (await app.ClocksAsync("ReviewSuggestion", id)).ShouldAllBe(c => c.Status == DeadlineStatus.Met);

        await app.ReviewedAsync(reviewId, problem: true);
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "Communication", text = "与州住建局沟通。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/communications", new { kind = "CorrectionPlan", text = "州人民政府承诺一个月内删除第十四条。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/close", new { outcome = "CorrectionPlan", note = "制定机关承诺删除第十四条停止供水的规定。" }).DoneAsync();

        var told = await citizen.GetJsonAsync($"/api/v1/public/review-suggestions/{code}");
        (told.Str("status"), told.Str("repliedOn")).ShouldBe(("Answered", Today.Iso()));
        told.Str("reply").ShouldBe("审查结果：制定机关提出纠正计划。制定机关承诺删除第十四条停止供水的规定。");
    }

    [Fact]
    public async Task Incomplete_and_not_taken_up_suggestions_are_answered_and_their_clocks_end()
    {
        var citizen = app.Anonymous();
        var staff = await app.ReviewerAsync();
        async Task<(string Code, int Id)> SendAsync(string title)
        {
            var code = (await citizen.PostJsonAsync(Form, Suggestion(title)).CreatedAsync()).Str("trackingCode");
            await using var scope = app.Db();
            return (code, await scope.Context.Set<ReviewSuggestion>().Where(s => s.TrackingCode == code).Select(s => s.Id).SingleAsync());
        }
        var incomplete = await SendAsync("某文件");
        await staff.PostJsonAsync($"/api/v1/review-suggestions/{incomplete.Id}/incomplete", new { reply = "请写明文件的制定机关、文号和具体条款。" }).DoneAsync();
        (await app.ClocksAsync("ReviewSuggestion", incomplete.Id)).Select(c => c.Status).ShouldBe([DeadlineStatus.Met, DeadlineStatus.Cancelled]);
        (await citizen.GetJsonAsync($"/api/v1/public/review-suggestions/{incomplete.Code}")).Str("reply").ShouldBe("请写明文件的制定机关、文号和具体条款。");

        var declined = await SendAsync("某县人民政府办公室通知");
        await staff.PostJsonAsync($"/api/v1/review-suggestions/{declined.Id}/decline", new { reply = "不属于本机关审查范围。" }).DoneAsync();
        (await app.ClocksAsync("ReviewSuggestion", declined.Id)).ShouldAllBe(c => c.Status == DeadlineStatus.Met);
        (await staff.PostJsonAsync($"/api/v1/review-suggestions/{declined.Id}/take-up", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_public_form_refuses_script_and_overlong_text_and_writes_nothing()
    {
        var citizen = app.Anonymous();
        var before = await app.CountAsync<ReviewSuggestion>();
        await citizen.PostJsonAsync(Form, Suggestion("<script>alert(1)</script>海西州某办法")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "含有脚本");
        await citizen.PostJsonAsync(Form, Suggestion("海西州某办法", "建议审查<img src=x onerror=alert(1)>第九条的合法性和适当性。")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "含有脚本");
        await citizen.PostJsonAsync(Form, Suggestion("海西州某办法", new string('审', ReviewSuggestion.MaxContent + 1))).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "不能超过 5000 字");
        await citizen.PostJsonAsync(Form, Suggestion("海西州某办法", name: "")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "请填写姓名或单位名称");
        (await app.CountAsync<ReviewSuggestion>()).ShouldBe(before);
        // Harmless markup is stripped, not stored.
        var code = (await citizen.PostJsonAsync(Form, Suggestion("<b>海西州城镇燃气安全管理办法</b>")).CreatedAsync()).Str("trackingCode");
        (await citizen.GetJsonAsync($"/api/v1/public/review-suggestions/{code}")).Str("documentTitle").ShouldBe("海西州城镇燃气安全管理办法");
    }

    [Fact]
    public async Task A_flood_from_one_address_is_refused_after_the_hourly_allowance_and_the_allowance_is_configurable()
    {
        var citizen = app.Anonymous();
        int already, limit;
        await using (var scope = app.Db())
        {
            var since = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
            already = await scope.Context.Set<ReviewSuggestion>().CountAsync(x => x.AddressHash != null && x.ReceivedAt > since);
            limit = (await Settings.ForAsync<FilingSettings>(scope.Context, await scope.Context.Congresses.Where(c => c.Code == Haixi).Select(c => c.Id).FirstAsync())).SuggestionsPerAddressPerHour;
        }
        limit.ShouldBe(5, "the shipped default");
        for (var i = already; i < limit; i++)
            await citizen.PostJsonAsync(Form, Suggestion($"海西州某规范性文件（第{i}件）")).CreatedAsync();
        var before = await app.CountAsync<ReviewSuggestion>();
        await citizen.PostJsonAsync(Form, Suggestion("海西州又一规范性文件")).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "每小时最多提交 5 件");
        (await app.CountAsync<ReviewSuggestion>()).ShouldBe(before, "nothing written");

        // An administrator raises the allowance: the same address may send again within the hour.
        await using (var scope = app.Db())
        {
            var congressId = await scope.Context.Congresses.Where(c => c.Code == Haixi).Select(c => c.Id).FirstAsync();
            var settings = await Settings.ForAsync<FilingSettings>(scope.Context, congressId);
            settings.SuggestionsPerAddressPerHour = limit + 1;
            await Settings.SaveAsync(scope.Context, congressId, settings);
        }
        await citizen.PostJsonAsync(Form, Suggestion("海西州又一规范性文件")).CreatedAsync();
        await using (var scope = app.Db())
        {
            var congressId = await scope.Context.Congresses.Where(c => c.Code == Haixi).Select(c => c.Id).FirstAsync();
            var settings = await Settings.ForAsync<FilingSettings>(scope.Context, congressId);
            settings.SuggestionsPerAddressPerHour = limit;
            await Settings.SaveAsync(scope.Context, congressId, settings);
        }
        // The next hour the address may send again (and the other tests of this class start from a fresh hour).
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await citizen.PostJsonAsync(Form, Suggestion("一小时后的审查建议")).CreatedAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(61));
    }
}

public sealed class ReviewSuggestionTests_Sqlite(SqliteApp app) : ReviewSuggestionTests(app), IClassFixture<SqliteApp>;
public sealed class ReviewSuggestionTests_Postgres(PostgresApp app) : ReviewSuggestionTests(app), IClassFixture<PostgresApp>;
