using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Renda.Tests.Features.Legislation;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Portal;
using Renda.Web.Platform.Notifications;

namespace Renda.Tests.Features.Portal;

using static PortalSteps;

/// <summary>
/// E-mail subscriptions through HTTP, with the platform's mail replaced by a recorder (the mail is inspected, nothing is
/// mocked below it): double opt-in, a newly published item mailed once with the RFC 8058 headers, one-click unsubscribe
/// without signing in, nothing for unconfirmed or expired requests, keyword subscriptions, and without SMTP no form at all.
/// </summary>
public abstract partial class SubscriptionTests(RendaApp app)
{
    private sealed record Mail(string To, string Subject, string Body, IReadOnlyDictionary<string, string> Headers);

    private sealed class RecordingSender : IEmailSender
    {
        public ConcurrentQueue<Mail> Sent { get; } = new();
        public Task SendAsync(string to, string subject, string body, CancellationToken ct = default) => SendAsync(to, subject, body, new Dictionary<string, string>(), ct);
        public Task SendAsync(string to, string subject, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct = default)
        {
            Sent.Enqueue(new Mail(to, subject, body, headers));
            return Task.CompletedTask;
        }
    }

    /// <summary>The same application with mail: the recorder as its sender, the mailer's timer off (the test runs it).</summary>
    private WebApplicationFactory<Program> WithMail(RecordingSender sender) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Renda:Portal:SubscriptionMinutes", "0");
        b.ConfigureServices(s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
        });
    });

    private static async Task<int> RunMailerAsync(WebApplicationFactory<Program> site, RecordingSender sender)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await SubscriptionMailer.RunOnceAsync(scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>(), sender, "http://localhost", NullLogger.Instance, default);
    }

    [GeneratedRegex(@"http://localhost(/p/\d+/subscribe/confirm\?token=[A-Za-z0-9_\-%]+)")]
    private static partial Regex ConfirmLink();

    private static HttpClient From(WebApplicationFactory<Program> site, string address)
    {
        var c = site.Anonymous();
        c.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return c;
    }

    [Fact]
    public async Task Without_smtp_the_page_says_mail_is_not_available_here_and_points_to_the_feeds()
    {
        var page = await app.Anonymous().PageAsync($"/p/{Haixi}/subscribe");
        page.QuerySelector("[data-testid=mail-unavailable]")!.TextContent.ShouldContain("订阅源");
        page.QuerySelector("[data-testid=subscribe-form]").ShouldBeNull();
        var refused = await (await app.Anonymous().PostJsonAsync($"/api/v1/public/congresses/{Haixi}/subscriptions", new { email = "a@example.cn", section = "news", keyword = (string?)null }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Str("detail").ShouldContain("订阅源");
    }

    [Fact]
    public async Task Subscribe_confirm_a_new_item_is_mailed_once_with_one_click_unsubscribe_and_nothing_after()
    {
        var sender = new RecordingSender();
        await using var site = WithMail(sender);
        var citizen = From(site, "203.0.113.71");
        var api = $"/api/v1/public/congresses/{Haixi}/subscriptions";
        await citizen.PostJsonAsync(api, new { email = "not an address", section = "news", keyword = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "email");
        await citizen.PostJsonAsync(api, new { email = "x@example.cn", section = "gossip", keyword = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "section");
        await citizen.PostJsonAsync(api, new { email = "x@example.cn", section = "all", keyword = (string?)null }).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "keyword");
        sender.Sent.ShouldBeEmpty();

        // Through the form, as a citizen does.
        var form = await citizen.PostFormAsync($"/p/{Haixi}/subscribe", new() { ["Email"] = "Reader@Example.cn", ["Section"] = "news", ["Keyword"] = "" });
        var formHtml = await form.Content.ReadAsStringAsync();
        form.StatusCode.ShouldBe(HttpStatusCode.OK, formHtml);
        formHtml.ShouldContain("确认邮件已发送");
        // A second address asks and never confirms.
        (await (await citizen.PostJsonAsync(api, new { email = "silent@example.cn", section = "news", keyword = (string?)null })).ShouldBeOkJsonAsync()).Str("message").ShouldContain("确认邮件");
        sender.Sent.Count.ShouldBe(2);
        var confirmation = sender.Sent.Single(m => m.To == "reader@example.cn");
        confirmation.Subject.ShouldContain("请确认订阅");
        var link = ConfirmLink().Match(confirmation.Body).Groups[1].Value;
        link.ShouldNotBeEmpty(confirmation.Body);

        (await citizen.PageAsync(link)).QuerySelector("[data-testid=confirmed]")!.TextContent.ShouldContain("工作动态");
        // Single use.
        (await citizen.PageAsync(link, HttpStatusCode.NotFound)).QuerySelector("[data-testid=confirm-error]").ShouldNotBeNull();

        await RunMailerAsync(site, sender); // whatever the demo published today
        sender.Sent.Clear();
        var staff = await site.ApiClientAsync(Editor);
        var article = await staff.WriteArticleAsync(News("州人大常委会召开水资源条例座谈会（订阅）"));
        await staff.PublishAsync(article);
        (await RunMailerAsync(site, sender)).ShouldBe(1);
        var mail = sender.Sent.Single();
        mail.To.ShouldBe("reader@example.cn");
        mail.Subject.ShouldContain("州人大常委会召开水资源条例座谈会（订阅）");
        mail.Body.ShouldContain($"http://localhost{PortalQueries.Href(Haixi, ArticleSection.News, article)}");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var unsubscribe = mail.Headers["List-Unsubscribe"].Trim('<', '>');
        unsubscribe.ShouldStartWith($"http://localhost/p/{Haixi}/unsubscribe?token=");
        mail.Body.ShouldContain(unsubscribe);
        sender.Sent.ShouldNotContain(m => m.To == "silent@example.cn");

        // Once: the next run sends nothing.
        sender.Sent.Clear();
        (await RunMailerAsync(site, sender)).ShouldBe(0);
        sender.Sent.ShouldBeEmpty();

        // One click from the mail client (RFC 8058): a POST without cookies or antiforgery token.
        var oneClick = await site.Anonymous().PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var oneClickHtml = await oneClick.Content.ReadAsStringAsync();
        oneClick.StatusCode.ShouldBe(HttpStatusCode.OK, oneClickHtml);
        oneClickHtml.ShouldContain("已退订");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>();
            (await db.Set<Subscription>().AnyAsync(s => s.Email == "reader@example.cn")).ShouldBeFalse();
        }
        var next = await staff.WriteArticleAsync(News("州人大常委会召开第二次座谈会（订阅）"));
        await staff.PublishAsync(next);
        (await RunMailerAsync(site, sender)).ShouldBe(0);
        sender.Sent.ShouldBeEmpty();
        // The link still answers (a second click), and a made-up token is 404.
        (await site.Anonymous().PageAsync(unsubscribe)).QuerySelector("[data-testid=unsubscribe-form]").ShouldNotBeNull();
        (await site.Anonymous().PostAsync($"/p/{Haixi}/unsubscribe?token=nonsense", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unconfirmed_request_expires_after_seven_days_and_is_never_mailed()
    {
        var sender = new RecordingSender();
        await using var site = WithMail(sender);
        await From(site, "203.0.113.72").PostJsonAsync($"/api/v1/public/congresses/{Haixi}/subscriptions", new { email = "late@example.cn", section = "announcements", keyword = (string?)null })
            .ContinueWith(t => t.Result.StatusCode.ShouldBe(HttpStatusCode.OK));
        var link = ConfirmLink().Match(sender.Sent.Single().Body).Groups[1].Value;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>();
            var s = await db.Set<Subscription>().SingleAsync(x => x.Email == "late@example.cn");
            s.CreatedAt = s.CreatedAt.AddDays(-8);
            await db.SaveChangesAsync();
        }
        (await site.Anonymous().PageAsync(link, HttpStatusCode.Conflict)).QuerySelector("[data-testid=confirm-error]")!.TextContent.ShouldContain("已过期");
        sender.Sent.Clear();
        await RunMailerAsync(site, sender);
        sender.Sent.ShouldBeEmpty();
        await using (var scope = site.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>().Set<Subscription>().AnyAsync(x => x.Email == "late@example.cn")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_keyword_subscription_gets_only_matching_items_and_staff_see_counts_not_addresses()
    {
        var sender = new RecordingSender();
        await using var site = WithMail(sender);
        var api = $"/api/v1/public/congresses/{Haixi}/subscriptions";
        (await From(site, "203.0.113.73").PostJsonAsync(api, new { email = "water@example.cn", section = "all", keyword = "盐湖" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = ConfirmLink().Match(sender.Sent.Single().Body).Groups[1].Value;
        (await site.Anonymous().PageAsync(link)).QuerySelector("[data-testid=confirmed]").ShouldNotBeNull();
        await RunMailerAsync(site, sender);
        sender.Sent.Clear();
        var staff = await site.ApiClientAsync(Editor);
        var match = await staff.WriteArticleAsync(News("州人大常委会调研盐湖资源保护（关键词）"));
        var other = await staff.WriteArticleAsync(News("州人大常委会调研城市绿化（关键词）"));
        await staff.PublishAsync(match);
        await staff.PublishAsync(other);
        (await RunMailerAsync(site, sender)).ShouldBe(1);
        var mail = sender.Sent.Single(m => m.To == "water@example.cn");
        mail.Body.ShouldContain("盐湖资源保护");
        mail.Body.ShouldNotContain("城市绿化（关键词）");

        var counts = await (await staff.GetAsync("/api/v1/portal/subscriptions")).ShouldBeOkJsonAsync();
        counts.EnumerateArray().Single(c => c.Str("section") == "all").GetProperty("confirmed").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        counts.GetRawText().ShouldNotContain("@");
        (await (await site.ApiClientAsync("daibiao")).GetAsync("/api/v1/portal/subscriptions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SubscriptionTests_Sqlite(SqliteApp app) : SubscriptionTests(app), IClassFixture<SqliteApp>;
public sealed class SubscriptionTests_Postgres(PostgresApp app) : SubscriptionTests(app), IClassFixture<PostgresApp>;
