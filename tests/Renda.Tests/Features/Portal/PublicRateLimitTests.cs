using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Legislation;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;

namespace Renda.Tests.Features.Portal;

using static PortalSteps;

/// <summary>
/// The public forms and their API are limited per client address (Renda:PublicRateLimits): past the limit, 429 with a Chinese
/// message (ProblemDetails for the API, the form's page otherwise); another address is not affected; the next window is.
/// </summary>
public abstract class PublicRateLimitTests(RendaApp app)
{
    private WebApplicationFactory<Program> Limited() => app.WithSettings(
        ("Renda:PublicRateLimits:lookup:Limit", "3"), ("Renda:PublicRateLimits:comment:Limit", "2"), ("Renda:PublicRateLimits:review-suggestion:Limit", "1"),
        ("Renda:PublicRateLimits:station-opinion:Limit", "1"), ("Renda:PublicRateLimits:subscribe:Limit", "1"));

    private static HttpClient From(WebApplicationFactory<Program> site, string address)
    {
        var c = site.Anonymous();
        c.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return c;
    }

    [Fact]
    public async Task Each_public_form_and_the_receipt_lookup_answer_429_past_the_limit_per_address()
    {
        await using var site = Limited();
        var guesser = From(site, "192.0.2.10");
        for (var i = 0; i < 3; i++)
            (await guesser.GetAsync($"/api/v1/public/receipts/ABCDEFGH{i}K")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await (await guesser.GetAsync("/api/v1/public/receipts/ABCDEFGHJK")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        refused.Str("detail").ShouldContain("请稍后再试");
        // Even a right code is refused to this address now, on the page too; another address still looks up.
        var page = await guesser.PageAsync($"/p/{Haixi}/receipt?code=DEMO2026ONL", HttpStatusCode.TooManyRequests);
        page.QuerySelector("[data-testid=receipt-error]")!.TextContent.ShouldContain("请稍后再试");
        (await guesser.GetAsync("/api/v1/public/station-opinions/DEMO2026ONL")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await From(site, "192.0.2.11").GetAsync("/api/v1/public/receipts/DEMO2026ONL")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Draft comments: API and form share the address's allowance.
        var staff = await site.ApiClientAsync("fagongwei");
        var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（限流）")).Id();
        var version = (await staff.AddVersionAsync(bill)).Id();
        var period = (await staff.OpenCommentPeriodAsync(bill, version, MeetingSteps.Today, 30)).Id();
        var commenter = From(site, "192.0.2.20");
        var url = $"/api/v1/public/comment-periods/{period}/comments";
        (await commenter.PostJsonAsync(url, new { nodeId = (string?)null, text = "第一条意见。" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await commenter.PostJsonAsync(url, new { nodeId = (string?)null, text = "第二条意见。" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await commenter.PostJsonAsync(url, new { nodeId = (string?)null, text = "第三条意见。" }).ShouldBeRefusedAsync(HttpStatusCode.TooManyRequests);
        var form = await commenter.PostFormAsync($"/legislation/public/comments/{period}", new() { ["NodeId"] = "", ["Text"] = "表单意见。", ["Name"] = "", ["Contact"] = "" });
        form.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await form.Content.ReadAsStringAsync()).ShouldContain("请稍后再试");
        await using (var scope = app.Db())
            (await scope.Context.Set<Renda.Web.Features.Legislation.BillComment>().CountAsync(c => c.CommentPeriodId == period)).ShouldBe(2);

        // Review suggestions, station opinions and subscriptions.
        var citizen = From(site, "192.0.2.30");
        object Suggestion(string title) => new
        {
            proposerName = "王", organisation = (string?)null, contact = "13997001296", documentTitle = title, issuingOrgan = (string?)null,
            content = "该办法与上位法不一致，建议审查其合法性。",
        };
        (await citizen.PostJsonAsync($"/api/v1/public/congresses/{Haixi}/review-suggestions", Suggestion("甲办法"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await citizen.PostJsonAsync($"/api/v1/public/congresses/{Haixi}/review-suggestions", Suggestion("乙办法")).ShouldBeRefusedAsync(HttpStatusCode.TooManyRequests);
        var formPage = await citizen.PostFormAsync("/public/review-suggestion", new()
        {
            ["Congress"] = Haixi, ["ProposerName"] = "王", ["Contact"] = "13997001296", ["DocumentTitle"] = "丙办法", ["Reasons"] = "该办法与上位法不一致，建议审查其合法性。",
        });
        formPage.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int station;
        await using (var scope = app.Db())
            station = await scope.Context.Set<LiaisonStation>().OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        object Opinion(string content) => new { personName = "赵", contact = "13997001295", content, category = DeputiesLabels.OpinionCategories[0] };
        (await citizen.PostJsonAsync($"/api/v1/public/stations/{station}/opinions", Opinion("希望增加路灯。"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await citizen.PostJsonAsync($"/api/v1/public/stations/{station}/opinions", Opinion("希望增加座椅。")).ShouldBeRefusedAsync(HttpStatusCode.TooManyRequests);
        var subscribe = $"/api/v1/public/congresses/{Haixi}/subscriptions";
        (await citizen.PostJsonAsync(subscribe, new { email = "a@example.cn", section = "news", keyword = (string?)null })).StatusCode.ShouldBe(HttpStatusCode.Conflict); // no SMTP here
        await citizen.PostJsonAsync(subscribe, new { email = "a@example.cn", section = "news", keyword = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.TooManyRequests);

        // The next window: allowed again.
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        (await guesser.GetAsync("/api/v1/public/receipts/DEMO2026ONL")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class PublicRateLimitTests_Sqlite(SqliteApp app) : PublicRateLimitTests(app), IClassFixture<SqliteApp>;
public sealed class PublicRateLimitTests_Postgres(PostgresApp app) : PublicRateLimitTests(app), IClassFixture<PostgresApp>;
