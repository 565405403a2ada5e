using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Deadlines;
using static Renda.Tests.Platform.Deadlines.DeadlineScenario;

namespace Renda.Tests.Platform.Deadlines;

/// <summary>Listing deadlines (own congress, a unit officer only their unit's) and recording extensions, over HTTP.</summary>
public abstract class DeadlinesApiTests(RendaApp app)
{
    /// <summary>Razor encodes non-ASCII text as character references; compare the decoded page.</summary>
    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task An_extension_needs_a_reason_and_is_recorded_with_its_approver()
    {
        var id = await StartAsync(app, "延期-" + app.Provider, D("2026-11-16"), PeriodUnit.WorkingDays, 10);
        (await LoadAsync(app, id)).DueOn.ShouldBe(D("2026-11-30"));
        var staff = await app.ApiClientAsync("daigongwei");

        var noReason = await staff.PostAsJsonAsync($"/api/v1/deadlines/{id}/extensions", new { unit = "WorkingDays", amount = 5, reason = " " });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();
        var missing = await staff.PostAsJsonAsync($"/api/v1/deadlines/{id}/extensions", new { unit = "WorkingDays", amount = 5 });
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();
        (await LoadAsync(app, id)).Extensions.ShouldBeEmpty();

        var granted = await (await staff.PostAsJsonAsync($"/api/v1/deadlines/{id}/extensions", new { unit = "WorkingDays", amount = 5, reason = "承办单位申请，需实地调研" })).ShouldBeOkJsonAsync();
        granted.GetProperty("dueOn").GetString().ShouldBe("2026-12-07");
        granted.GetProperty("extensions")[0].GetProperty("reason").GetString().ShouldBe("承办单位申请，需实地调研");
        var stored = await LoadAsync(app, id);
        stored.DueOn.ShouldBe(D("2026-12-07"));
        stored.Extensions.ShouldHaveSingleItem().ApprovedByAccountId.ShouldBe(await AccountIdAsync(app, "daigongwei"));
    }

    [Fact]
    public async Task A_finished_deadline_cannot_be_extended_and_only_own_congress_staff_may_extend()
    {
        var id = await StartAsync(app, "已完成-" + app.Provider, D("2026-11-16"), PeriodUnit.CalendarDays, 15);
        await using (var scope = app.Db())
        {
            var deadline = await scope.Context.Deadlines.FirstAsync(d => d.Id == id);
            Renda.Web.Platform.Deadlines.Deadlines.Complete(scope.Context, deadline);
            await scope.Context.SaveChangesAsync();
        }
        var body = new { unit = "CalendarDays", amount = 10, reason = "理由" };
        var staff = await app.ApiClientAsync("daigongwei");
        (await (await staff.PostAsJsonAsync($"/api/v1/deadlines/{id}/extensions", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("已完成");

        var open = await StartAsync(app, "权限-" + app.Provider, D("2026-11-16"), PeriodUnit.Months, 1);
        var officer = await app.ApiClientAsync("jiaoyuju");
        (await officer.PostAsJsonAsync($"/api/v1/deadlines/{open}/extensions", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var county = await app.ApiClientAsync("gem-staff");
        await (await county.PostAsJsonAsync($"/api/v1/deadlines/{open}/extensions", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await LoadAsync(app, open)).Extensions.ShouldBeEmpty();
        (await LoadAsync(app, id)).Extensions.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_is_the_own_congress_sorted_by_due_date_and_a_unit_officer_sees_only_their_unit()
    {
        var later = await StartAsync(app, "列表-晚-" + app.Provider, D("2026-11-16"), PeriodUnit.WorkingDays, 20);
        var sooner = await StartAsync(app, "列表-早-" + app.Provider, D("2026-11-16"), PeriodUnit.WorkingDays, 2);
        var notUnits = await StartAsync(app, "列表-委员会-" + app.Provider, D("2026-11-16"), PeriodUnit.WorkingDays, 3, ownedByUnit: false);

        var staff = await app.ApiClientAsync("daigongwei");
        var page = await (await staff.GetAsync("/api/v1/congresses/632800/deadlines?status=Open&pageSize=200")).ShouldBeOkJsonAsync();
        var ids = Items(page).Select(d => d.GetProperty("id").GetInt32()).ToList();
        ids.ShouldContain(later);
        ids.ShouldContain(notUnits);
        ids.IndexOf(sooner).ShouldBeLessThan(ids.IndexOf(later));
        var dues = Items(page).Select(d => d.GetProperty("dueOn").GetString()!).ToList();
        dues.ShouldBe(dues.Order(StringComparer.Ordinal).ToList());
        var row = Items(page).Single(d => d.GetProperty("id").GetInt32() == sooner);
        row.GetProperty("source").GetString().ShouldBe("代表法 第五十一条（测试）");
        row.GetProperty("remainingWorkingDays").GetInt32().ShouldBe(2);

        var officer = await app.ApiClientAsync("jiaoyuju");
        var own = Items(await (await officer.GetAsync("/api/v1/congresses/632800/deadlines?pageSize=200")).ShouldBeOkJsonAsync())
            .Select(d => d.GetProperty("id").GetInt32()).ToList();
        own.ShouldContain(later);
        own.ShouldNotContain(notUnits);

        var council = await app.ApiClientAsync("zhuren");
        Items(await (await council.GetAsync("/api/v1/congresses/632800/deadlines?status=Open&pageSize=200")).ShouldBeOkJsonAsync())
            .Select(d => d.GetProperty("id").GetInt32()).ShouldContain(notUnits);
        var onlyMet = Items(await (await staff.GetAsync("/api/v1/congresses/632800/deadlines?status=Met&pageSize=200")).ShouldBeOkJsonAsync());
        onlyMet.ShouldAllBe(d => d.GetProperty("status").GetString() == "Met");
        (await (await staff.GetAsync("/api/v1/congresses/632800/deadlines?status=Late")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("status").ShouldNotBeEmpty();

        var province = await app.ApiClientAsync("qh-staff");
        (await province.GetAsync("/api/v1/congresses/632800/deadlines")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var deputy = await app.ApiClientAsync("daibiao");
        (await deputy.GetAsync("/api/v1/congresses/632800/deadlines")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_shows_rule_source_and_marks_a_provisional_due_date()
    {
        // Ten working days from 2026-12-18 end in 2027, whose notice is not published.
        var provisional = await StartAsync(app, "临时-" + app.Provider, D("2026-12-18"), PeriodUnit.WorkingDays, 10);
        (await LoadAsync(app, provisional)).CalendarProvisional.ShouldBeTrue();
        var firm = await StartAsync(app, "确定-" + app.Provider, D("2026-11-16"), PeriodUnit.WorkingDays, 10);

        var browser = await app.BrowserClientAsync("daigongwei");
        var html = await HtmlAsync(browser, $"/deadlines?id={provisional}");
        html.ShouldContain("临时-" + app.Provider);
        html.ShouldContain("代表法 第五十一条（测试）");
        html.ShouldContain("2027-01-01");
        html.ShouldContain("临时日历");
        var other = await HtmlAsync(browser, $"/deadlines?id={firm}");
        other.ShouldContain("剩余 10 个工作日");
        other.ShouldNotContain("data-testid=\"provisional\"");

        // The page's extension form follows the API's rule: no reason, no extension.
        var refused = await browser.PostFormAsync("/deadlines?handler=Extend", new() { ["deadlineId"] = firm.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unit"] = "WorkingDays", ["amount"] = "3", ["reason"] = "" }, "/deadlines");
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("延期必须说明理由");
        var granted = await browser.PostFormAsync("/deadlines?handler=Extend", new() { ["deadlineId"] = firm.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unit"] = "WorkingDays", ["amount"] = "3", ["reason"] = "会议调整" }, "/deadlines");
        WebUtility.HtmlDecode(await granted.Content.ReadAsStringAsync()).ShouldContain("已延期：确定-" + app.Provider);
        (await LoadAsync(app, firm)).Extensions.ShouldHaveSingleItem().Reason.ShouldBe("会议调整");

        var deputy = await app.BrowserClientAsync("daibiao");
        var forbidden = await deputy.GetAsync("/deadlines");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forbidden.Headers.Location!.ToString().ShouldContain("/forbidden");
    }
}

public sealed class DeadlinesApiTests_Sqlite(SqliteApp app) : DeadlinesApiTests(app), IClassFixture<SqliteApp>;
public sealed class DeadlinesApiTests_Postgres(PostgresApp app) : DeadlinesApiTests(app), IClassFixture<PostgresApp>;
