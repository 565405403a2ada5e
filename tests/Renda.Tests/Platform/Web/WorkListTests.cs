using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Suggestions;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Meetings;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Web;

namespace Renda.Tests.Platform.Web;

/// <summary>
/// Issue #20, item 2: a list or statistics page opens on the year that has the work and says so; work lists put what
/// needs action first (the unit's queue, /deadlines). The test clock's year is 2026.
/// </summary>
public abstract class WorkListTests(RendaApp app)
{
    private const string Golmud = "632801";

    private static string? Note(IHtmlDocument page) => page.QuerySelector("[data-testid=year-note]")?.TextContent.Trim();

    [Fact]
    public async Task A_congress_with_records_only_in_2023_opens_on_2023_and_says_so_and_on_this_year_once_it_has_records()
    {
        int golmud;
        await using (var scope = app.Db())
        {
            var db = scope.Context;
            golmud = await db.Congresses.Where(c => c.Code == Golmud).Select(c => c.Id).SingleAsync();
            // The demo gives Golmud no plan and no oath: this test's records are the only ones.
            (await db.Set<SupervisionPlan>().AnyAsync(p => p.CongressId == golmud)).ShouldBeFalse();
            (await db.Set<Oath>().AnyAsync(o => o.CongressId == golmud)).ShouldBeFalse();
            db.Add(new SupervisionPlan { CongressId = golmud, Year = 2023, Title = "格尔木市人大常委会2023年度监督工作计划" });
            db.Add(new Oath { CongressId = golmud, TakenOn = new DateOnly(2023, 3, 1), Place = "常委会会议室", Text = "我宣誓……", CreatedAt = new DateTime(2023, 3, 1, 2, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }
        var staff = await app.BrowserClientAsync("gem-staff");

        var plan = await staff.PageAsync("/supervision/plan");
        plan.QuerySelector("h1")!.TextContent.ShouldContain("2023年度监督工作计划");
        Note(plan).ShouldNotBeNull().ShouldContain("显示 2023 年（2026 年暂无记录）");
        plan.QuerySelectorAll("#year option").Select(o => o.GetAttribute("value")).ShouldBe(["2026", "2023"]);
        plan.QuerySelector("#year option[selected]")!.GetAttribute("value").ShouldBe("2023");

        var oaths = await staff.PageAsync("/oaths");
        Note(oaths).ShouldNotBeNull().ShouldContain("显示 2023 年");
        oaths.QuerySelector("#year option[selected]")!.GetAttribute("value").ShouldBe("2023");

        // Asked for, a year is shown as asked, with nothing to explain.
        var asked = await staff.PageAsync("/supervision/plan?year=2026");
        Note(asked).ShouldBeNull();
        asked.QuerySelector("h1")!.TextContent.ShouldContain("2026年度监督工作计划");

        await using (var scope = app.Db())
        {
            scope.Context.Add(new SupervisionPlan { CongressId = golmud, Year = 2026, Title = "格尔木市人大常委会2026年度监督工作计划" });
            await scope.Context.SaveChangesAsync();
        }
        var now = await staff.PageAsync("/supervision/plan");
        Note(now).ShouldBeNull();
        now.QuerySelector("h1")!.TextContent.ShouldContain("2026年度监督工作计划");
    }

    [Fact]
    public async Task The_statistics_pages_of_the_demo_open_on_a_year_with_records_never_on_an_empty_one()
    {
        var staff = await app.BrowserClientAsync("daigongwei");
        foreach (var url in new[] { "/supervision/statistics", "/legislation/statistics", "/resolutions" })
        {
            var page = await staff.PageAsync(url);
            var selected = page.QuerySelector("#year option[selected]")?.GetAttribute("value") ?? page.QuerySelector("input#year")?.GetAttribute("value");
            selected.ShouldNotBeNull(url);
            // Either this year (it has records, no note) or the latest year with records (and the page says which).
            if (selected != "2026") Note(page).ShouldNotBeNull(url).ShouldContain($"显示 {selected} 年");
            else Note(page).ShouldBeNull(url);
        }
    }

    [Fact]
    public async Task A_units_queue_lists_what_waits_for_its_answer_first_soonest_due_first_then_the_rest_newest_first()
    {
        var officer = await app.BrowserClientAsync("jiaoyuju");
        var rows = (await officer.PageAsync("/suggestions/unit")).QuerySelectorAll("[data-testid=queue-row]")
            .Select(r => (Status: r.GetAttribute("data-status")!, Due: r.GetAttribute("data-due"), Number: r.QuerySelector("td")!.TextContent.Trim(), Overdue: r.GetAttribute("data-overdue") == "true"))
            .ToList();
        string[] waiting = ["Assigned", "Rehandling"];
        var open = rows.TakeWhile(r => waiting.Contains(r.Status)).ToList();
        var rest = rows.Skip(open.Count).ToList();
        open.ShouldNotBeEmpty("the demo's education bureau has suggestions to answer");
        rest.ShouldNotBeEmpty("and finished ones");
        rest.ShouldAllBe(r => !waiting.Contains(r.Status), "every suggestion waiting for an answer comes before every finished one");
        open.Select(r => r.Due).ShouldBe(open.Select(r => r.Due).OrderBy(d => d, StringComparer.Ordinal), "soonest due first");
        open[0].Overdue.ShouldBeTrue("the overdue one heads the queue");
        rest.Select(r => r.Number).ShouldBe(rest.Select(r => r.Number).OrderByDescending(n => n, StringComparer.Ordinal), "the finished ones newest first");
    }

    [Fact]
    public async Task Deadlines_open_on_the_running_clocks_soonest_due_first_and_all_of_them_put_the_finished_after()
    {
        var staff = await app.BrowserClientAsync("daigongwei");
        var page = await staff.PageAsync("/deadlines");
        page.QuerySelector("select[name=status] option[selected]")!.GetAttribute("value").ShouldBe("");
        var rows = page.QuerySelectorAll("tr[data-status]").Select(r => (Status: r.GetAttribute("data-status")!, Due: r.GetAttribute("data-due")!)).ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.Status == "Open" || r.Status == "Overdue");
        rows.Select(r => r.Due).ShouldBe(rows.Select(r => r.Due).OrderBy(d => d, StringComparer.Ordinal));

        var all = await staff.PageAsync("/deadlines?status=all");
        all.QuerySelectorAll("tr[data-status]").Select(r => r.GetAttribute("data-id")).ShouldBe(page.QuerySelectorAll("tr[data-status]").Select(r => r.GetAttribute("data-id")),
            "the running clocks fill the first page of 全部 too");

        // The whole list through the API: running (overdue, then soonest due) before finished (latest due first), each page a stable slice.
        var api = await app.ApiClientAsync("daigongwei");
        var items = (await (await api.GetAsync("/api/v1/congresses/632800/deadlines?pageSize=200")).ShouldBeOkJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetInt32(), Status: i.GetProperty("status").GetString()!, Due: i.GetProperty("dueOn").GetString()!)).ToList();
        var running = items.TakeWhile(i => i.Status is "Open" or "Overdue").ToList();
        var finished = items.Skip(running.Count).ToList();
        running.ShouldNotBeEmpty();
        finished.ShouldNotBeEmpty();
        finished.ShouldAllBe(i => i.Status != "Open" && i.Status != "Overdue");
        running.Select(i => i.Due).ShouldBe(running.Select(i => i.Due).OrderBy(d => d, StringComparer.Ordinal));
        finished.Select(i => i.Due).ShouldBe(finished.Select(i => i.Due).OrderByDescending(d => d, StringComparer.Ordinal));
        var second = (await (await api.GetAsync("/api/v1/congresses/632800/deadlines?pageSize=7&page=2")).ShouldBeOkJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetInt32());
        second.ShouldBe(items.Skip(7).Take(7).Select(i => i.Id));
    }
}

public sealed class WorkListTests_Sqlite(SqliteApp app) : WorkListTests(app), IClassFixture<SqliteApp>;
public sealed class WorkListTests_Postgres(PostgresApp app) : WorkListTests(app), IClassFixture<PostgresApp>;

/// <summary>The rule of <see cref="YearChoice"/> itself (this year is 2026).</summary>
public sealed class YearChoiceTests
{
    [Theory]
    [InlineData(new[] { 2023, 2026, 2024 }, null, 2026, false)]   // this year has records
    [InlineData(new[] { 2023, 2021 }, null, 2023, true)]          // the latest year with records
    [InlineData(new[] { 2022, 2027 }, null, 2022, true)]          // a past year before a plan for next year
    [InlineData(new[] { 2027 }, null, 2027, true)]                // only next year's plan
    [InlineData(new int[0], null, 2026, false)]                   // nothing at all: this year
    [InlineData(new[] { 2023 }, 2025, 2025, false)]               // asked for: as asked
    public void Chooses_this_year_else_the_latest_year_with_records(int[] withRecords, int? asked, int shown, bool says)
    {
        var choice = YearChoice.Of(withRecords, asked, 2026);
        choice.Year.ShouldBe(shown);
        (choice.Note is not null).ShouldBe(says);
        choice.Years.ShouldContain(2026);
        choice.Years.ShouldContain(shown);
        choice.Years.ShouldBe(choice.Years.OrderDescending());
    }
}
