using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Meetings;

namespace Renda.Tests.Platform.Web;

/// <summary>
/// The workbench (issue #20): each demo role opens to its pending work, overdue first, every line a working link to where the
/// step is done; the API returns the same lines. Also the confirmations and the small items of the issue.
/// </summary>
public abstract class WorkbenchTests(RendaApp app)
{
    private static readonly string[] ClockOrder = ["Overdue", "DueSoon", "Later", "None"];

    private async Task<List<JsonElement>> ItemsAsync(HttpClient client)
        => (await (await client.GetAsync("/api/v1/workbench")).ShouldBeOkJsonAsync()).EnumerateArray().ToList();

    [Theory]
    [InlineData("daigongwei", "待交办")]
    [InlineData("jiaoyuju", "待答复")]
    [InlineData("daibiao", "请评价")]
    [InlineData("weiyuan", "会议")]
    [InlineData("zhuren", "重点督办")]
    [InlineData("caizheng", "")]
    [InlineData("qh-staff", "")]
    [InlineData("sysadmin", "载入放假安排")]
    public async Task Each_role_sees_its_pending_work_overdue_first_and_every_line_opens(string user, string expectedKind)
    {
        var client = await app.BrowserClientAsync(user);
        var items = await ItemsAsync(client);
        if (expectedKind.Length > 0) // "": an administrator whose queue may be empty on the demo's day
            items.Select(i => i.Str("kind")).ShouldContain(k => k.Contains(expectedKind), $"{user}: {string.Join("、", items.Select(i => i.Str("kind")).Distinct())}");

        // Overdue lines come before all others, the longest overdue first; the rest by urgency.
        var clocks = items.Select(i => i.Str("clock")).ToList();
        var firstNotOverdue = clocks.FindIndex(c => c != "Overdue");
        if (firstNotOverdue >= 0) clocks.Skip(firstNotOverdue).ShouldNotContain("Overdue");
        var overdueDues = items.Where(i => i.Str("clock") == "Overdue").Select(i => DateOnly.Parse(i.Str("dueOn"))).ToList();
        overdueDues.ShouldBe(overdueDues.Order().ToList());
        items.Select(i => i.GetProperty("urgency").GetInt32()).ShouldAllBe(u => u > 0);
        foreach (var overdue in items.Where(i => i.Str("clock") == "Overdue"))
            overdue.Str("clockLabel").ShouldStartWith("已逾期");

        // One click from the action: every link opens (as this user), and none is a bare list.
        foreach (var href in items.Select(i => i.Str("href")).Distinct())
        {
            var page = await client.GetAsync(href);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, $"{user}: {href}");
        }

        // The home page shows the same lines, in the same order.
        var html = await client.GetStringAsync("/");
        var shown = System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]+)\"[^>]*data-testid=\"work-item\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        shown.ShouldBe(items.Select(i => i.Str("href")).ToList());
    }

    [Fact]
    public async Task The_staffs_workbench_puts_an_overdue_answer_first_and_a_deputy_sees_only_their_own_work()
    {
        var staff = await ItemsAsync(await app.BrowserClientAsync("daigongwei"));
        staff.ShouldContain(i => i.Str("clock") == "Overdue", "the demo has overdue answers");
        staff[0].Str("clock").ShouldBe("Overdue");
        staff.Select(i => i.Str("kind")).ShouldContain("待受理");

        var deputy = await ItemsAsync(await app.BrowserClientAsync("daibiao"));
        deputy.Select(i => i.Str("kind")).ShouldNotContain("待交办");
        deputy.ShouldContain(i => i.Str("title").Contains('-') && i.Str("href").StartsWith("/suggestions/"));
        // A unit that is not a filing organ is not offered filing; the government is.
        (await (await app.BrowserClientAsync("jiaoyuju")).GetStringAsync("/")).ShouldNotContain("href=\"/filings/new\"");
        (await (await app.BrowserClientAsync("zhengfu")).GetStringAsync("/")).ShouldContain("href=\"/filings/new\"");
    }

    [Fact]
    public async Task A_ballot_is_recorded_only_after_it_is_confirmed()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(17);
        var meeting = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, meeting, members.Select(m => m.PersonId));
        var item = await staff.AddAgendaItemAsync(meeting, "关于海西州城市绿化条例（草案）", "BillReading");
        var voteId = await staff.PrepareVoteAsync(meeting, item);
        await staff.OpenVoteAsync(voteId).DoneAsync();
        var member = await app.BrowserClientAsync($"wy{members[0].PersonId}", Infrastructure.Accounts.Password);

        var chosen = await member.PostFormAsync($"/votes/{voteId}?handler=Cast", new() { ["choice"] = "No" }, $"/votes/{voteId}");
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await chosen.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"ballot-confirm\"");
        html.ShouldContain("反对");
        html.ShouldContain("确认投票");
        html.ShouldContain("返回修改");
        (await BallotsAsync(voteId)).ShouldBe(0);

        var confirmed = await member.PostFormAsync($"/votes/{voteId}?handler=Cast", new() { ["choice"] = "No", ["confirmed"] = "true" }, $"/votes/{voteId}");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BallotsAsync(voteId)).ShouldBe(1);
        var view = await staff.VoteAsync(voteId);
        view.GetProperty("presentNotYetVoted").GetInt32().ShouldBe(16);
    }

    [Fact]
    public async Task Closing_while_present_members_have_not_voted_needs_a_reason_which_is_kept_and_audited()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(17);
        var meeting = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, meeting, members.Select(m => m.PersonId));
        var item = await staff.AddAgendaItemAsync(meeting, "关于海西州湿地保护条例（草案）", "BillReading");
        var voteId = await staff.PrepareVoteAsync(meeting, item);
        await staff.OpenVoteAsync(voteId).DoneAsync();
        await members.CastBallotsAsync(voteId, yes: 1);

        var refused = await (await staff.CloseVoteAsync(voteId, earlyCloseReason: null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldErrors("earlyCloseReason").Single().ShouldContain("尚有 16 人未投票");
        (await staff.CloseVoteAsync(voteId, earlyCloseReason: "  ")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await staff.VoteAsync(voteId)).Str("status").ShouldBe("Open");

        // The page says how many have not voted before it closes.
        var desk = await app.BrowserClientAsync("daigongwei");
        var closing = await desk.GetStringAsync($"/votes/{voteId}?closing=true");
        closing.ShouldContain("尚有 16 人未投票");
        closing.ShouldNotContain("http-equiv=\"refresh\"");

        const string reason = "会议时间已到，主持人宣布结束表决。";
        var closed = await (await staff.CloseVoteAsync(voteId, reason)).ShouldBeOkJsonAsync();
        closed.Str("status").ShouldBe("Closed");
        closed.Str("earlyCloseReason").ShouldBe(reason);
        await using var scope = app.Db();
        (await scope.Context.Set<Vote>().Where(v => v.Id == voteId).Select(v => v.EarlyCloseReason).SingleAsync()).ShouldBe(reason);
        var id = voteId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await scope.Context.AuditRecords.Where(a => a.EntityType == nameof(Vote) && a.EntityId == id).Select(a => a.Changes).ToListAsync())
            .ShouldContain(c => c != null && c.Contains(reason));
    }

    [Fact]
    public async Task Forbidden_answers_403_and_a_missing_page_has_the_layout_and_a_way_back()
    {
        var unit = await app.BrowserClientAsync("jiaoyuju");
        (await unit.GetAsync("/forbidden")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var missing = await unit.GetAsync("/no-such-page");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await missing.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"status-message\"");
        html.ShouldContain("页面不存在");
        html.ShouldContain("href=\"/\"");
        html.ShouldContain("href=\"/suggestions/unit\""); // the menu of the layout
        var anonymous = await app.Anonymous().GetAsync("/no-such-page");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
        (await app.Anonymous().GetAsync("/api/v1/no-such-thing")).Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_date_that_does_not_exist_is_called_invalid_and_the_government_is_offered_only_its_own_kinds()
    {
        var filer = await app.BrowserClientAsync("zhengfu");
        var form = await filer.GetStringAsync("/filings/new");
        form.ShouldNotContain("value=\"Regulation\"");
        form.ShouldContain("value=\"Rule\"");
        var posted = await filer.PostFormAsync("/filings/new", new()
        {
            ["CongressCode"] = "632800", ["Title"] = "海西州人民政府关于日期的通知", ["Kind"] = "Other", ["PublishedOn"] = "2026-13-45", ["Text"] = "第一条 为了……",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await posted.Content.ReadAsStringAsync();
        text.ShouldContain("不是有效的日期");
        text.ShouldContain("公布日期");
        text.ShouldNotContain("请填写公布日期");

        var api = await app.ApiClientAsync("zhengfu");
        var regulation = await api.PostJsonAsync("/api/v1/congresses/632800/filings", new
        {
            title = "海西州人民政府关于法规的通知", kind = "Regulation", publishedOn = "2026-11-10", text = "第一条 为了……",
        });
        (await regulation.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("kind").Single().ShouldContain("不能报送“法规”");
    }

    [Fact]
    public async Task The_administrator_is_asked_for_next_years_holiday_notice_until_it_is_loaded()
    {
        var admin = await app.BrowserClientAsync("sysadmin");
        (await ItemsAsync(admin)).ShouldContain(i => i.Str("kind") == "载入放假安排" && i.Str("title").Contains("2027") && i.Str("href") == "/admin/calendar");
        var page = await admin.GetStringAsync("/admin/calendar");
        page.ShouldContain("国务院办公厅");
        page.ShouldContain("holiday-cn");

        var api = await app.ApiClientAsync("sysadmin");
        var notice = """{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""";
        (await api.PostAsync("/api/v1/calendar/years", new StringContent(notice, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ItemsAsync(admin)).ShouldNotContain(i => i.Str("kind") == "载入放假安排");
    }

    private async Task<int> BallotsAsync(int voteId)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<VoteBallot>().CountAsync(b => b.VoteId == voteId);
    }
}

public sealed class WorkbenchTests_Sqlite(SqliteApp app) : WorkbenchTests(app), IClassFixture<SqliteApp>;
public sealed class WorkbenchTests_Postgres(PostgresApp app) : WorkbenchTests(app), IClassFixture<PostgresApp>;
