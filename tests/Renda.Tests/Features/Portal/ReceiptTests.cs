using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Legislation;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.Web;

namespace Renda.Tests.Features.Portal;

/// <summary>
/// Comment receipts and 意见采纳反馈 (issue 19, part 2) through HTTP: a citizen's comment gets a receipt code; the one receipt
/// page follows it from 已收到 through 已整理 to a reasoned decision, without anything personal; staff record each step (or
/// one step for a group), refused steps answer 409/400 and change nothing; the draft's page shows the feedback summary only
/// once published; the review-suggestion and station-opinion codes are found by the same lookup; markup is refused.
/// </summary>
public abstract class ReceiptTests(RendaApp app)
{
    private const string Haixi = LegislationSteps.Haixi;

    private HttpClient Citizen(string address)
    {
        var c = app.Anonymous();
        c.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return c;
    }

    private async Task<(HttpClient Staff, int Period, List<(string NodeId, string Label, string Text)> Articles)> OpenAsync(string title)
    {
        var staff = await app.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync(title)).Id();
        var version = (await staff.AddVersionAsync(bill)).Id();
        var period = (await staff.OpenCommentPeriodAsync(bill, version, MeetingSteps.Today, 30)).Id();
        return (staff, period, await staff.ArticlesAsync(bill, version));
    }

    private static Task<HttpResponseMessage> Comment(HttpClient citizen, int period, string? nodeId, string text, string? name = null, string? contact = null)
        => citizen.PostJsonAsync($"/api/v1/public/comment-periods/{period}/comments", new { nodeId, text, name, contact });

    private static string[] Steps(JsonElement receipt) => receipt.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("done").GetBoolean()).Select(s => s.Str("label")).ToArray();

    [Fact]
    public async Task A_citizen_keeps_the_receipt_code_and_reads_the_handling_from_received_to_a_reasoned_partial_adoption()
    {
        var (staff, period, a) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（回执）");
        var citizen = Citizen("198.51.100.21");
        var created = await Comment(citizen, period, a[1].NodeId, "建议明确城市绿化的主管部门和经费保障。", "张先生", "13997001234").CreatedAsync();
        var code = created.Str("receiptCode");
        code.Length.ShouldBe(ReceiptCodes.Length);
        code.ShouldAllBe(ch => ReceiptCodes.Alphabet.Contains(ch));
        created.Str("receiptHref").ShouldBe($"/p/{Haixi}/receipt?code={code}");
        var id = created.Id();

        // Typed on a phone: lower case, with a space — the same code.
        var lookup = await citizen.GetJsonAsync($"/api/v1/public/receipts/{code[..5].ToLowerInvariant()}%20{code[5..]}");
        (lookup.Str("kind"), lookup.Str("statusLabel"), lookup.Str("congress")).ShouldBe(("法规草案征求意见", "已收到", "海西州人大常委会"));
        lookup.Str("subject").ShouldBe("《海西蒙古族藏族自治州城市绿化条例（回执）》第二条");
        Steps(lookup).ShouldBe(["已收到"]);
        var raw = lookup.GetRawText();
        raw.ShouldNotContain("张先生");
        raw.ShouldNotContain("13997001234");
        raw.ShouldNotContain("建议明确城市绿化"); // the receipt shows the handling, not the text (which could name its writer)

        // Staff: sorted with similar comments, then a decision with a reason; refused steps change nothing.
        await staff.PostJsonAsync($"/api/v1/comments/{id}/handling", new { handling = "Sorted", reason = (string?)null }).DoneAsync();
        (await citizen.GetJsonAsync($"/api/v1/public/receipts/{code}")).Str("statusLabel").ShouldBe("已整理");
        // The page too — read now, and again after the decision below: it is never kept in the anonymous page cache.
        (await citizen.PageAsync($"/p/{Haixi}/receipt?code={code}")).QuerySelector("[data-testid=receipt-status]")!.TextContent.ShouldBe("已整理");
        await staff.PostJsonAsync($"/api/v1/comments/{id}/handling", new { handling = "Sorted", reason = (string?)null })
            .ShouldBeRefusedAsync(HttpStatusCode.Conflict, containing: "不能整理归类");
        await staff.PostJsonAsync($"/api/v1/comments/{id}/handling", new { handling = "PartlyAdopted", reason = "  " })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await staff.PostJsonAsync($"/api/v1/comments/{id}/handling", new { handling = "Pending", reason = (string?)null })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "handling");
        (await citizen.GetJsonAsync($"/api/v1/public/receipts/{code}")).Str("statusLabel").ShouldBe("已整理");
        await staff.PostJsonAsync($"/api/v1/comments/{id}/handling", new { handling = "PartlyAdopted", reason = "主管部门已在第三条明确；经费保障另由财政预算安排。" }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/comments/{id}/handling", new { handling = "Sorted", reason = (string?)null })
            .ShouldBeRefusedAsync(HttpStatusCode.Conflict);

        var decided = await citizen.GetJsonAsync($"/api/v1/public/receipts/{code}");
        (decided.Str("statusLabel"), decided.Str("outcomeLabel"), decided.Str("outcomeText")).ShouldBe(("部分采纳", "部分采纳", "主管部门已在第三条明确；经费保障另由财政预算安排。"));
        Steps(decided).ShouldBe(["已收到", "已整理", "部分采纳"]);
        var page = await citizen.PageAsync($"/p/{Haixi}/receipt?code={code}");
        page.QuerySelector("[data-testid=receipt-status]")!.TextContent.ShouldBe("部分采纳");
        page.QuerySelector("[data-testid=receipt-reason]")!.TextContent.ShouldContain("经费保障另由财政预算安排");
        page.Body!.TextContent.ShouldNotContain("张先生");

        await using (var scope = app.Db())
            (await scope.Context.AuditRecords.CountAsync(r => r.EntityType == nameof(BillComment) && r.EntityId == id.ToString())).ShouldBeGreaterThanOrEqualTo(3);

        // A wrong code: 404 with a plain message, on the API and the page.
        var wrong = await (await citizen.GetAsync("/api/v1/public/receipts/ABCDEFGHJK")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        wrong.Str("detail").ShouldContain("没有找到这个回执码");
        var missing = await citizen.PageAsync($"/p/{Haixi}/receipt?code=ABCDEFGHJK", HttpStatusCode.NotFound);
        missing.QuerySelector("[data-testid=receipt-error]")!.TextContent.ShouldContain("没有找到这个回执码");
        (await citizen.GetAsync("/api/v1/public/receipts/%3Cscript%3E")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_comment_form_shows_the_receipt_code_on_its_confirmation()
    {
        var (_, period, a) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（表单回执）");
        var citizen = Citizen("198.51.100.22");
        var url = $"/legislation/public/comments/{period}";
        var r = await citizen.PostFormAsync(url, new() { ["NodeId"] = a[2].NodeId, ["Text"] = "建议增加古树名木保护的内容。", ["Name"] = "", ["Contact"] = "" });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        r.Headers.Location!.ToString().ShouldBe($"{url}#receipt");
        var page = await citizen.PageAsync(url);
        var code = page.QuerySelector("[data-testid=receipt-code]")!.TextContent;
        code.Length.ShouldBe(ReceiptCodes.Length);
        page.QuerySelector("[data-testid=receipt-link]")!.GetAttribute("href").ShouldBe($"/p/{Haixi}/receipt?code={code}");
        (await citizen.GetJsonAsync($"/api/v1/public/receipts/{code}")).Str("statusLabel").ShouldBe("已收到");
        // Shown once: the next visit of the page has no code on it.
        (await citizen.PageAsync(url)).QuerySelector("[data-testid=receipt-code]").ShouldBeNull();
    }

    [Fact]
    public async Task Similar_comments_are_handled_as_a_group_all_or_none()
    {
        var (staff, period, a) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（合并处理）");
        var (_, other, b) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（另一草案）");
        var ids = new List<int>();
        var codes = new List<string>();
        foreach (var (text, n) in new[] { ("建议增加社区绿地。", 0), ("建议多建街心公园。", 1) })
        {
            var c = await Comment(Citizen($"198.51.100.3{n}"), period, a[0].NodeId, text).CreatedAsync();
            ids.Add(c.Id());
            codes.Add(c.Str("receiptCode"));
        }
        var foreign = (await Comment(Citizen("198.51.100.39"), other, b[0].NodeId, "别的草案的意见。").CreatedAsync()).Id();
        var url = $"/api/v1/comment-periods/{period}/handling";
        await staff.PostJsonAsync(url, new { commentIds = ids, handling = "NotAdopted", reason = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await staff.PostJsonAsync(url, new { commentIds = ids.Append(foreign), handling = "NotAdopted", reason = "不合适。" }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "commentIds");
        await staff.PostJsonAsync(url, new { commentIds = Array.Empty<int>(), handling = "Sorted", reason = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "commentIds");
        // One of the two already decided: sorting the group is refused and the other stays as it was.
        await staff.PostJsonAsync($"/api/v1/comments/{ids[0]}/handling", new { handling = "Adopted", reason = (string?)null }).DoneAsync();
        await staff.PostJsonAsync(url, new { commentIds = ids, handling = "Sorted", reason = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.Conflict);
        (await app.Anonymous().GetJsonAsync($"/api/v1/public/receipts/{codes[1]}")).Str("statusLabel").ShouldBe("已收到");
        (await (await staff.PostJsonAsync(url, new { commentIds = ids, handling = "NotAdopted", reason = "城市绿地规划另有规定。" })).ShouldBeOkJsonAsync()).GetProperty("handled").GetInt32().ShouldBe(2);
        foreach (var code in codes)
            (await app.Anonymous().GetJsonAsync($"/api/v1/public/receipts/{code}")).Str("outcomeText").ShouldBe("城市绿地规划另有规定。");
    }

    [Fact]
    public async Task The_feedback_summary_appears_on_the_draft_page_only_once_published()
    {
        var (staff, period, a) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（采纳情况）");
        var first = (await Comment(Citizen("198.51.100.41"), period, a[0].NodeId, "建议写明立法目的中的生态安全。").CreatedAsync()).Id();
        var second = (await Comment(Citizen("198.51.100.42"), period, a[1].NodeId, "建议删除第二条的兜底条款。").CreatedAsync()).Id();
        await staff.PostJsonAsync($"/api/v1/comments/{first}/handling", new { handling = "Adopted", reason = (string?)null }).DoneAsync();
        await staff.PostJsonAsync($"/api/v1/comments/{second}/handling", new { handling = "PartlyAdopted", reason = "兜底条款保留，表述已修改。" }).DoneAsync();
        var url = $"/legislation/public/comments/{period}";
        var before = await app.Anonymous().PageAsync(url);
        before.QuerySelector("[data-testid=published-summary]").ShouldBeNull();
        before.QuerySelector("[data-testid=receipt-lookup-link]").ShouldNotBeNull();
        (await app.Anonymous().GetJsonAsync($"/api/v1/public/comment-periods/{period}")).GetProperty("handling").GetArrayLength().ShouldBe(0);
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/close").DoneAsync();
        (await app.Anonymous().PageAsync(url)).QuerySelector("[data-testid=published-summary]").ShouldBeNull();
        await staff.PostJsonAsync($"/api/v1/comment-periods/{period}/summary", new { text = "共收到意见2条，采纳1条，部分采纳1条。" }).DoneAsync();
        var after = await app.Anonymous().PageAsync(url);
        var counts = after.QuerySelector("[data-testid=feedback-counts]")!.TextContent;
        counts.ShouldContain("共 2 条");
        counts.ShouldContain("采纳 1 条");
        counts.ShouldContain("部分采纳 1 条");
        after.QuerySelector("[data-testid=published-summary]")!.TextContent.ShouldContain("兜底条款保留，表述已修改。");
        // Decided and published: no more changes.
        await staff.PostJsonAsync($"/api/v1/comments/{first}/handling", new { handling = "NotAdopted", reason = "改了主意" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Review_suggestions_and_station_opinions_are_found_by_the_same_receipt_lookup_without_personal_data()
    {
        // The demo's online opinion at the station: 萨仁, 13997509876.
        var opinion = await app.Anonymous().GetJsonAsync("/api/v1/public/receipts/DEMO2026ONL");
        opinion.Str("kind").ShouldBe("联络站留言");
        Steps(opinion)[0].ShouldBe("已收到");
        opinion.GetRawText().ShouldNotContain("萨仁");
        opinion.GetRawText().ShouldNotContain("13997509876");

        var suggestion = await Citizen("198.51.100.51").PostJsonAsync($"/api/v1/public/congresses/{Haixi}/review-suggestions", new
        {
            proposerName = "李建国", organisation = (string?)null, contact = "13997001299", documentTitle = "海西州城市供水管理办法", issuingOrgan = "海西州人民政府",
            content = "该办法第七条对停水的规定与上位法不一致，建议审查。",
        }).CreatedAsync();
        var found = await app.Anonymous().GetJsonAsync($"/api/v1/public/receipts/{suggestion.Str("trackingCode")}");
        (found.Str("kind"), found.Str("subject")).ShouldBe(("审查建议", "海西州城市供水管理办法"));
        found.GetRawText().ShouldNotContain("李建国");
        found.GetRawText().ShouldNotContain("13997001299");
        var page = await app.Anonymous().PageAsync($"/p/{Haixi}/receipt?code={suggestion.Str("trackingCode")}");
        page.QuerySelector("[data-testid=receipt]")!.TextContent.ShouldContain("审查建议");

        // The demo's own comment receipts: one sorted on the open Haixi draft, decided ones on the published Qinghai period.
        (await app.Anonymous().GetJsonAsync("/api/v1/public/receipts/DEMOYJ0102")).Str("statusLabel").ShouldBe("已整理");
        (await app.Anonymous().GetJsonAsync("/api/v1/public/receipts/DEMOYJ0103")).Str("statusLabel").ShouldBe("已收到");
    }

    [Fact]
    public async Task Markup_is_refused_on_every_public_form_and_nothing_is_written()
    {
        var (_, period, a) = await OpenAsync("海西蒙古族藏族自治州城市绿化条例（标记）");
        var citizen = Citizen("198.51.100.61");
        await Comment(citizen, period, a[0].NodeId, "<script>alert(1)</script>建议").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text");
        await Comment(citizen, period, a[0].NodeId, "建议<img src=x onerror=alert(1)>").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "text");
        await Comment(citizen, period, a[0].NodeId, "正常意见", "<b>张</b>").ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "name");
        await citizen.PostJsonAsync($"/api/v1/public/congresses/{Haixi}/review-suggestions", new
        {
            proposerName = "王", organisation = (string?)null, contact = "13997001298", documentTitle = "某办法", issuingOrgan = (string?)null,
            content = "<script>document.cookie</script>该办法与上位法不一致，建议审查。",
        }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "content");
        int station;
        await using (var scope = app.Db())
            station = await scope.Context.Set<LiaisonStation>().OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        await citizen.PostJsonAsync($"/api/v1/public/stations/{station}/opinions", new { personName = "赵", contact = "13997001297", content = "<iframe src=//x></iframe>希望增加路灯", category = DeputiesLabels.OpinionCategories[0] })
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "content");
        await using (var scope = app.Db())
            (await scope.Context.Set<BillComment>().CountAsync(c => c.CommentPeriodId == period)).ShouldBe(0);
        // What a form accepts is shown encoded: a comment with angle brackets that are not markup reads as text.
        var ok = await Comment(citizen, period, a[0].NodeId, "建议把“3<5”的比较写清楚").CreatedAsync();
        ok.Str("receiptCode").Length.ShouldBe(ReceiptCodes.Length);
    }
}

public sealed class ReceiptTests_Sqlite(SqliteApp app) : ReceiptTests(app), IClassFixture<SqliteApp>;
public sealed class ReceiptTests_Postgres(PostgresApp app) : ReceiptTests(app), IClassFixture<PostgresApp>;
