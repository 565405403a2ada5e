using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Notifications;
using static Renda.Tests.Platform.Deadlines.DeadlineScenario;

namespace Renda.Tests.Platform.Notifications;

/// <summary>The inbox over the API and the page, the header badge's fragment, and mail after the save.</summary>
public abstract class NotificationsTests(RendaApp app)
{
    private async Task<int> NotifyAsync(string userName, string title, string? link = null)
    {
        await using var scope = app.Db();
        var accountId = await scope.Context.Accounts.Where(a => a.UserName == userName).Select(a => a.Id).FirstAsync();
        var notification = Notifier.Notify(scope.Context, accountId, title, "正文", link);
        await scope.Context.SaveChangesAsync();
        return notification.Id;
    }

    private static List<string> Titles(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task The_inbox_lists_own_messages_newest_first_and_marks_only_own_ones_read()
    {
        var first = await NotifyAsync("fagongwei", "第一条-" + app.Provider);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await NotifyAsync("fagongwei", "第二条-" + app.Provider, "/deadlines?id=1");
        var someoneElses = await NotifyAsync("zhuren", "别人的-" + app.Provider);

        var client = await app.ApiClientAsync("fagongwei");
        var unread = Titles(await (await client.GetAsync("/api/v1/notifications?unread=true")).ShouldBeOkJsonAsync());
        unread.ShouldNotContain("别人的-" + app.Provider);
        unread.IndexOf("第二条-" + app.Provider).ShouldBeLessThan(unread.IndexOf("第一条-" + app.Provider));
        unread.IndexOf("第二条-" + app.Provider).ShouldBeGreaterThanOrEqualTo(0);

        (await client.PostAsync($"/api/v1/notifications/{second}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var stillUnread = Titles(await (await client.GetAsync("/api/v1/notifications?unread=true")).ShouldBeOkJsonAsync());
        stillUnread.ShouldContain("第一条-" + app.Provider);
        stillUnread.ShouldNotContain("第二条-" + app.Provider);
        Titles(await (await client.GetAsync("/api/v1/notifications")).ShouldBeOkJsonAsync()).ShouldContain("第二条-" + app.Provider);

        await (await client.PostAsync($"/api/v1/notifications/{someoneElses}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync("/api/v1/notifications/999999/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await using var scope = app.Db();
        (await scope.Context.Notifications.FirstAsync(n => n.Id == someoneElses)).ReadAt.ShouldBeNull();
        (await scope.Context.Notifications.FirstAsync(n => n.Id == first)).ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_badge_fragment_is_the_unread_number_or_empty()
    {
        var browser = await app.BrowserClientAsync("daigongwei");
        async Task<string> BadgeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/inbox/unread-count");
            request.Headers.Add("X-Renda-Poll", "1");
            var response = await browser.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            return await response.Content.ReadAsStringAsync();
        }

        (await browser.PostFormAsync("/inbox?handler=ReadAll", [], "/inbox")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BadgeAsync()).ShouldBe("");
        await NotifyAsync("daigongwei", "角标一");
        await NotifyAsync("daigongwei", "角标二");
        (await BadgeAsync()).ShouldBe("2");
        // Signed out (idle), the poll gets an empty fragment rather than the login page.
        var anonymous = await app.Anonymous().GetAsync("/inbox/unread-count");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.Content.ReadAsStringAsync()).ShouldBe("");
    }

    [Fact]
    public async Task The_inbox_page_shows_unread_in_bold_and_its_forms_mark_read()
    {
        var browser = await app.BrowserClientAsync("zhuren");
        var id = await NotifyAsync("zhuren", "页面消息-" + app.Provider, "/deadlines");
        var html = WebUtility.HtmlDecode(await (await browser.GetAsync("/inbox")).Content.ReadAsStringAsync());
        html.ShouldContain($"data-id=\"{id}\" data-unread=\"true\"");
        html.ShouldContain("fw-bold");
        html.ShouldContain("页面消息-" + app.Provider);

        var read = await browser.PostFormAsync($"/inbox?handler=Read&id={id}", new() { ["returnPage"] = "1" }, "/inbox");
        read.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await browser.GetAsync("/inbox")).Content.ReadAsStringAsync()).ShouldContain($"data-id=\"{id}\" data-unread=\"false\"");

        await NotifyAsync("zhuren", "再来一条-" + app.Provider);
        (await browser.PostFormAsync("/inbox?handler=ReadAll", [], "/inbox")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.Db();
        var zhuren = await AccountIdAsync(app, "zhuren");
        (await scope.Context.Notifications.CountAsync(n => n.AccountId == zhuren && n.ReadAt == null)).ShouldBe(0);

        // Someone else's message cannot be marked from the page either.
        var others = await NotifyAsync("fagongwei", "不可标记-" + app.Provider);
        (await browser.PostFormAsync($"/inbox?handler=Read&id={others}", [], "/inbox")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mail_goes_after_the_save_to_accounts_with_an_address_and_a_failing_server_fails_nothing()
    {
        var sender = new RecordingSender();
        using var mailing = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
        }));
        await using var scope = mailing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Renda.Web.Data.RendaDbContext>();
        var withMail = await db.Accounts.FirstAsync(a => a.UserName == "jiaoyuju");
        withMail.Email = "jiaoyuju@example.gov.cn";
        await db.SaveChangesAsync();
        var withoutMail = await db.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.Id).FirstAsync();

        Notifier.Notify(db, [withoutMail, withMail.Id], "请及时办理-" + app.Provider, "代表建议待交办。", "/deadlines");
        sender.Sent.ShouldBeEmpty(); // nothing before the save
        await db.SaveChangesAsync();

        var mail = await sender.First.Task.WaitAsync(TimeSpan.FromSeconds(30));
        mail.To.ShouldBe("jiaoyuju@example.gov.cn");
        mail.Subject.ShouldContain("请及时办理-" + app.Provider);
        mail.Body.ShouldContain("/deadlines");
        sender.Sent.Select(m => m.To).ShouldAllBe(to => to == "jiaoyuju@example.gov.cn");

        // A mail server that throws does not fail the change that notified.
        sender.Fail = true;
        Notifier.Notify(db, withMail.Id, "邮件失败也照常保存-" + app.Provider);
        await db.SaveChangesAsync();
        (await db.Notifications.AnyAsync(n => n.Title == "邮件失败也照常保存-" + app.Provider)).ShouldBeTrue();
    }

    private sealed class RecordingSender : IEmailSender
    {
        public List<(string To, string Subject, string Body)> Sent { get; } = [];
        public TaskCompletionSource<(string To, string Subject, string Body)> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Fail { get; set; }

        public Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
        {
            if (Fail)
                throw new InvalidOperationException("SMTP server unreachable");
            lock (Sent) Sent.Add((to, subject, body));
            First.TrySetResult((to, subject, body));
            return Task.CompletedTask;
        }
    }
}

public sealed class NotificationsTests_Sqlite(SqliteApp app) : NotificationsTests(app), IClassFixture<SqliteApp>;
public sealed class NotificationsTests_Postgres(PostgresApp app) : NotificationsTests(app), IClassFixture<PostgresApp>;
