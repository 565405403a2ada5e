using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Portal;

namespace Renda.Tests.Features.Portal;

using static PortalSteps;

/// <summary>
/// News and announcements: staff write (400 naming the field on bad input, markup refused), publish, withdraw with a reason,
/// publish again (409 with the reason on every step out of turn); the public sees only what is published, staff preview the rest;
/// each change is audited and published articles count in the year's publicity figures.
/// </summary>
public abstract class ArticleLifecycleTests(RendaApp app)
{
    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        var staff = await app.ApiClientAsync(Editor);
        int before;
        await using (var scope = app.Db()) before = await scope.Context.Set<NewsArticle>().CountAsync();

        (await (await staff.TryWriteArticleAsync(new { title = "无栏目", summary = "摘要", body = "正文" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("section", out _).ShouldBeTrue();
        (await (await staff.TryWriteArticleAsync(new { section = "News", summary = "摘要", body = "正文" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("title").ShouldBe(["请填写标题。"]);
        (await (await staff.TryWriteArticleAsync(new { section = "Announcement", title = "公告", summary = "摘要", body = "正文" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("announcementKind").Single().ShouldContain("公告须选择类别");
        (await (await staff.TryWriteArticleAsync(News(body: "<script>alert(1)</script>"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("body").Single().ShouldContain("不能包含 HTML 标记或脚本");
        (await (await staff.TryWriteArticleAsync(News(body: "[点我](javascript:alert(1))"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("body").ShouldNotBeEmpty();
        (await (await staff.TryWriteArticleAsync(News(title: new string('长', 121)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("title").Single().ShouldContain("不能超过 120 字");

        await using (var scope = app.Db()) (await scope.Context.Set<NewsArticle>().CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_article_goes_draft_published_withdrawn_and_published_again_and_the_public_sees_it_only_while_published()
    {
        var staff = await app.ApiClientAsync(Editor);
        var citizen = app.Anonymous();
        var year = app.Clock.GetUtcNow().AddHours(8).Year;
        var counted = (await citizen.PublicityAsync(year)).Total();
        var id = await staff.WriteArticleAsync(News("州人大常委会召开立法座谈会"));

        // A draft: 404 for the public (API and page), a preview for staff.
        (await citizen.ReadPublishedArticleAsync(id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await citizen.PageAsync($"/p/{Haixi}/news/{id}", HttpStatusCode.NotFound);
        var browser = await app.BrowserClientAsync(Editor);
        (await browser.PageAsync($"/p/{Haixi}/news/{id}")).QuerySelector("[data-testid=preview-note]")!.TextContent.ShouldContain("草稿");
        (await (await staff.TryUnpublishAsync(id, "不该撤回")).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .ShouldBe("该文章当前状态为“草稿”，不能撤回。");

        await staff.PublishAsync(id);
        var published = await (await citizen.ReadPublishedArticleAsync(id)).ShouldBeOkJsonAsync();
        published.GetProperty("bodyHtml").GetString()!.ShouldBe("<p>会议听取了意见。</p><h2 class=\"h5 mt-4\">下一步</h2><ul><li>加强联系</li><li><strong>依法</strong>履职</li></ul>");
        var firstDay = published.GetProperty("publishedOn").GetString();
        (await citizen.PageAsync($"/p/{Haixi}/news/{id}")).QuerySelector("[data-testid=article-title]")!.TextContent.ShouldBe("州人大常委会召开立法座谈会");
        // Its address is its section's: the announcements address does not serve a news item.
        await citizen.PageAsync($"/p/{Haixi}/announcements/{id}", HttpStatusCode.NotFound);
        (await citizen.PublicityAsync(year)).Total().ShouldBe(counted + 1);
        (await (await staff.TryPublishAsync(id)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()
            .ShouldBe("该文章当前状态为“已发布”，不能发布。");

        (await (await staff.TryUnpublishAsync(id, " ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldBe(["请填写撤回的理由。"]);
        (await staff.TryUnpublishAsync(id, "内容需要更新")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await citizen.ReadPublishedArticleAsync(id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await citizen.PageAsync($"/p/{Haixi}/news/{id}", HttpStatusCode.NotFound);
        (await (await staff.GetAsync($"/api/v1/portal/articles/{id}")).ShouldBeOkJsonAsync()).GetProperty("unpublishReason").GetString().ShouldBe("内容需要更新");
        (await citizen.PublicityAsync(year)).Total().ShouldBe(counted);

        // Published again a week later: it keeps its first publication day.
        app.Clock.Advance(TimeSpan.FromDays(7));
        staff = await app.ApiClientAsync(Editor); // the token of a week ago has expired
        await staff.PublishAsync(id);
        (await (await citizen.ReadPublishedArticleAsync(id)).ShouldBeOkJsonAsync()).GetProperty("publishedOn").GetString().ShouldBe(firstDay);

        await using var scope = app.Db();
        var trail = await scope.Context.AuditRecords.Where(a => a.EntityType == nameof(NewsArticle) && a.EntityId == id.ToString()).CountAsync();
        trail.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Only_the_congress_staff_write_and_publish()
    {
        var staff = await app.ApiClientAsync(Editor);
        var id = await staff.WriteArticleAsync();
        (await (await app.ApiClientAsync("daibiao")).TryWriteArticleAsync(News())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Another congress's staff: the article does not exist for them.
        (await (await app.ApiClientAsync("qh-staff")).TryPublishAsync(id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().PostAsJsonAsync("/api/v1/portal/articles", News())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_editor_page_saves_a_draft_refuses_bad_input_with_the_field_and_publishes()
    {
        var browser = await app.BrowserClientAsync(Editor);
        var refused = await browser.PostFormAsync("/portal/articles/edit?handler=Save", new() { ["Section"] = "News", ["Title"] = "", ["Summary"] = "摘要", ["Body"] = "正文" }, "/portal/articles/edit");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请填写标题。");

        var saved = await browser.PostFormAsync("/portal/articles/edit?handler=Save",
            new() { ["Section"] = "Announcement", ["AnnouncementKind"] = "Appointment", ["Title"] = "任免名单（页面）", ["Summary"] = "摘要", ["Body"] = "任命：某某" }, "/portal/articles/edit");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editor = saved.Headers.Location!.ToString();
        var published = await browser.PostFormAsync(editor + "?handler=Publish", [], editor);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(editor.Split('/')[^1]);
        (await app.Anonymous().PageAsync($"/p/{Haixi}/announcements/{id}")).QuerySelector("h1")!.TextContent.ShouldBe("任免名单（页面）");
        (await browser.PageAsync("/portal/articles")).QuerySelector("[data-testid=publicity]").ShouldNotBeNull();
        // The list's status filter: the published one is listed under 已发布 and not under 草稿.
        static List<string> Titles(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("[data-testid=staff-article]").Select(a => a.TextContent).ToList();
        Titles(await browser.PageAsync("/portal/articles?status=Published")).ShouldContain(t => t.Contains("任免名单（页面）"));
        var drafts = Titles(await browser.PageAsync("/portal/articles?status=Draft"));
        drafts.ShouldNotBeEmpty("the demo keeps a draft");
        drafts.ShouldNotContain(t => t.Contains("任免名单（页面）"));
    }
}

public sealed class ArticleLifecycleTests_Sqlite(SqliteApp app) : ArticleLifecycleTests(app), IClassFixture<SqliteApp>;
public sealed class ArticleLifecycleTests_Postgres(PostgresApp app) : ArticleLifecycleTests(app), IClassFixture<PostgresApp>;
