using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// The figures over constructed records with known answers: 德令哈市 (632802) in 2025, a congress
/// the demo leaves empty, read by Haixi's staff (the congress above it) through the API.
/// </summary>
public abstract class StatisticsTests(RendaApp app)
{
    private const string Code = "632802";
    private const int Year = 2025;

    /// <summary>The suggestions by letter, as built once per fixture.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private sealed record Built(Dictionary<string, (int Id, string? Number)> Items);

    private async Task<Built> DataAsync()
    {
        await Gate.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
            var congress = await db.Congresses.FirstAsync(c => c.Code == Code);
            if (!await db.Set<Suggestion>().AnyAsync(s => s.CongressId == congress.Id && s.Year == Year))
                await BuildAsync(db, scope.ServiceProvider.GetRequiredService<WorkCalendar>(), congress.Id);
            var all = await db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == congress.Id && s.Year == Year).ToListAsync();
            return new Built(all.ToDictionary(s => s.Title[^1..], s => (s.Id, s.Number)));
        }
        finally
        {
            Gate.Release();
        }
    }

    private static DateTime At(DateOnly d, int hour = 10) => DateTime.SpecifyKind(d.ToDateTime(new TimeOnly(hour, 0)).AddHours(-8), DateTimeKind.Utc);
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// a draft · b returned · c merged into d · d answered on time (A), face to face, 满意, two promises (one done) ·
    /// e answered late (C), 基本满意 · f answered on time (B), never rated · g 不满意 then re-handled (B → A), 满意 ·
    /// h answered (D), 不满意, re-handling · i assigned, overdue · j submitted.
    /// </summary>
    private static async Task BuildAsync(RendaDbContext db, WorkCalendar calendar, int congressId)
    {
        var deputies = await db.Deputies.Where(d => d.CongressId == congressId).OrderBy(d => d.Id).Select(d => d.Id).Take(4).ToListAsync();
        var units = await db.HandlingUnits.Where(u => u.CongressId == congressId).ToDictionaryAsync(u => u.Name, u => u.Id);
        int edu = units["德令哈市教育局"], housing = units["德令哈市住房和城乡建设局"], finance = units["德令哈市财政局"];
        var received = D("2025-03-03");
        var assigned = D("2025-03-10");
        var due = calendar.Due(assigned, PeriodUnit.Months, 3);
        var onTime = D("2025-05-20");
        var late = calendar.AddWorkingDays(due, 5);
        var n = 0;
        Suggestion New(string letter, string category, int deputy, bool submit = true)
        {
            var s = new Suggestion
            {
                CongressId = congressId, Year = Year, Title = "统计测试建议" + letter, Content = "用于核对统计口径的测试建议内容，内容明确具体。", Category = category,
                LeadDeputyId = deputies[deputy], CreatedByAccountId = 1, CreatedAt = At(received, 9),
            };
            if (submit) s.Submit(At(received), received, ++n, 1, "test");
            db.Add(s);
            return s;
        }
        var a = New("a", "教育", 0, submit: false);
        var b = New("b", "社会保障", 1);
        var c = New("c", "教育", 2);
        var d = New("d", "教育", 0);
        var e = New("e", "教育", 1);
        var f = New("f", "教育", 2);
        var g = New("g", "城乡建设", 3);
        var h = New("h", "城乡建设", 0);
        var i = New("i", "城乡建设", 1);
        var j = New("j", "医疗卫生", 2);
        await db.SaveChangesAsync();

        b.ReturnToDeputy(InadmissibleReason.PersonalMatter, null, D("2025-03-05"), At(D("2025-03-05")), 1, "staff");
        c.MergeInto(d, D("2025-03-06"), At(D("2025-03-06")), 1, "staff");
        d.Assign(HandlingMode.LeadAndCo, [(edu, AssignmentRole.Lead), (finance, AssignmentRole.Co)], assigned, At(assigned), 1, "staff");
        foreach (var s in new[] { e, f })
            s.Assign(HandlingMode.LeadAndCo, [(edu, AssignmentRole.Lead)], assigned, At(assigned), 1, "staff");
        foreach (var s in new[] { g, h, i })
            s.Assign(HandlingMode.LeadAndCo, [(housing, AssignmentRole.Lead)], assigned, At(assigned), 1, "staff");
        // The answer date comes from the answer clocks; these suggestions were built without the workflow, so hand them one.
        var answerClock = new Deadline { SubjectType = "suggestion", SubjectId = "0", Title = "答复", Rule = "三个月", Source = "代表法", DueOn = due, Purpose = SuggestionClocks.Purposes.Answer(edu).Key };
        foreach (var s in new[] { d, e, f, g, h, i })
            s.FollowAnswerClocks([answerClock]);
        await db.SaveChangesAsync();

        d.RecordContact(edu, ContactKind.Visit, faceToFace: true, D("2025-03-20"), null, At(D("2025-03-20")), 2, "unit");
        g.RecordContact(housing, ContactKind.Phone, faceToFace: false, D("2025-03-21"), null, At(D("2025-03-21")), 3, "unit");
        d.Answer(edu, "A", "已解决。", "局长", null, onTime, At(onTime), 2, "unit");
        e.Answer(edu, "C", "暂时不能解决。", "局长", null, late, At(late), 2, "unit");
        f.Answer(edu, "B", "正在解决。", "局长", null, onTime, At(onTime), 2, "unit");
        g.Answer(housing, "B", "列入计划。", "局长", null, onTime, At(onTime), 3, "unit");
        h.Answer(housing, "D", "留作参考。", "局长", null, onTime, At(onTime), 3, "unit");
        db.AddRange(
            new Commitment { SuggestionId = d.Id, HandlingUnitId = edu, Promise = "年内完成改造", DueOn = D("2025-12-31") },
            new Commitment { SuggestionId = d.Id, HandlingUnitId = edu, Promise = "明年列入计划", DueOn = D("2026-12-31") });
        await db.SaveChangesAsync();

        var rated = D("2025-05-27");
        d.Rate(d.LeadDeputyId, Satisfaction.Satisfied, null, rated, At(rated), 4, "deputy");
        e.Rate(e.LeadDeputyId, Satisfaction.BasicallySatisfied, null, calendar.AddWorkingDays(late, 3), At(calendar.AddWorkingDays(late, 3)), 4, "deputy");
        f.CloseUnrated(calendar.AddWorkingDays(onTime, 21), At(calendar.AddWorkingDays(onTime, 21)));
        g.Rate(g.LeadDeputyId, Satisfaction.Dissatisfied, "没有解决。", rated, At(rated), 4, "deputy");
        h.Rate(h.LeadDeputyId, Satisfaction.Dissatisfied, "没有解决。", rated, At(rated), 4, "deputy");
        (await db.Set<Commitment>().Include(x => x.Progress).FirstAsync(x => x.SuggestionId == d.Id && x.Promise == "年内完成改造")).Report("已完成。", done: true, D("2025-11-20"));
        await db.SaveChangesAsync();

        var again = D("2025-07-01");
        g.Answer(housing, "A", "重新办理，已解决。", "局长", null, again, At(again), 3, "unit");
        await db.SaveChangesAsync();
        g.Rate(g.LeadDeputyId, Satisfaction.Satisfied, null, D("2025-07-08"), At(D("2025-07-08")), 4, "deputy");
        await db.SaveChangesAsync();
        a.Title.ShouldEndWith("a");
    }

    private async Task<JsonElement> StatisticsAsync()
    {
        await DataAsync();
        var staff = await app.ApiClientAsync("daigongwei");
        return await (await staff.GetAsync($"/api/v1/congresses/{Code}/suggestions/statistics?year={Year}")).ShouldBeOkJsonAsync();
    }

    [Fact]
    public async Task Every_count_and_rate_follows_its_definition()
    {
        var s = await StatisticsAsync();
        int Count(string key) => s.GetProperty(key).GetInt32();
        double? Rate(string key) => s.GetProperty(key).ValueKind == JsonValueKind.Null ? null : s.GetProperty(key).GetDouble();

        Count("received").ShouldBe(9, "the draft is not counted");
        Count("returned").ShouldBe(1);
        Count("merged").ShouldBe(1);
        Count("awaitingAssignment").ShouldBe(1);
        Count("assigned").ShouldBe(6);
        Count("answered").ShouldBe(5);
        Count("answeredOnTime").ShouldBe(4, "d, f, g (first answer on time) and h; e was late");
        Count("answeredLate").ShouldBe(1);
        Rate("replyRate")!.Value.ShouldBe(4.0 / 6, 1e-9);
        Count("rated").ShouldBe(4, "d, e, g (final 满意) and h (不满意); f never rated");
        Count("unrated").ShouldBe(1);
        Count("satisfied").ShouldBe(2);
        Count("basicallySatisfied").ShouldBe(1);
        Count("dissatisfied").ShouldBe(1);
        Rate("satisfactionRate")!.Value.ShouldBe(0.5, 1e-9);
        Rate("basicSatisfactionRate")!.Value.ShouldBe(0.25, 1e-9);
        Rate("satisfiedOrBasicRate")!.Value.ShouldBe(0.75, 1e-9);
        Count("resolved").ShouldBe(2, "d (A) and g (A after re-handling); e is C");
        Rate("resolutionRate")!.Value.ShouldBe(0.4, 1e-9);
        Count("commitmentsPromised").ShouldBe(2);
        Count("commitmentsDone").ShouldBe(1);
        Rate("implementationRate")!.Value.ShouldBe(0.5, 1e-9);
        Count("faceToFace").ShouldBe(1, "only d was visited; g was phoned");
        Rate("meetingRate")!.Value.ShouldBe(1.0 / 6, 1e-9);
        Count("closed").ShouldBe(4);
        Count("overdueNow").ShouldBe(1);
        Count("keySuggestions").ShouldBe(0);
        s.GetProperty("sentence").GetString().ShouldBe("年内共收到代表建议9件，已办结4件，办复率为66.7%，满意率为50%。");
    }

    [Fact]
    public async Task Breakdowns_by_unit_and_category_add_up_and_the_co_unit_is_not_counted()
    {
        var s = await StatisticsAsync();
        var byUnit = s.GetProperty("byUnit").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        byUnit.Keys.ShouldBe(["德令哈市住房和城乡建设局", "德令哈市教育局"], ignoreOrder: true);
        var edu = byUnit["德令哈市教育局"];
        edu.GetProperty("assigned").GetInt32().ShouldBe(3);
        edu.GetProperty("answeredOnTime").GetInt32().ShouldBe(2);
        edu.GetProperty("replyRate").GetDouble().ShouldBe(2.0 / 3, 1e-9);
        edu.GetProperty("commitmentsPromised").GetInt32().ShouldBe(2);
        edu.GetProperty("commitmentsDone").GetInt32().ShouldBe(1);
        byUnit["德令哈市住房和城乡建设局"].GetProperty("overdueNow").GetInt32().ShouldBe(1);
        var byCategory = s.GetProperty("byCategory").EnumerateArray().ToDictionary(u => u.GetProperty("key").GetString()!, u => u.GetProperty("received").GetInt32());
        byCategory.ShouldBe(new Dictionary<string, int> { ["教育"] = 4, ["城乡建设"] = 3, ["社会保障"] = 1, ["医疗卫生"] = 1 }, ignoreOrder: true);
        // Haixi's staff read a congress below: figures, but no deputies' names.
        s.TryGetProperty("byDeputy", out _).ShouldBeFalse();
        s.TryGetProperty("below", out _).ShouldBeFalse("only asked for with ?below=true");
    }

    [Fact]
    public async Task Each_figures_link_lists_exactly_the_records_behind_it()
    {
        var items = (await DataAsync()).Items;
        var staff = await app.ApiClientAsync("daigongwei");
        async Task<List<string>> Records(string query)
        {
            var page = await (await staff.GetAsync($"/api/v1/congresses/{Code}/suggestions/statistics/records?year={Year}&{query}")).ShouldBeOkJsonAsync();
            var list = page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("title").GetString()![^1..]).ToList();
            page.GetProperty("total").GetInt32().ShouldBe(list.Count);
            return list;
        }
        (await Records("figure=answeredOnTime")).ShouldBe(["d", "f", "g", "h"]);
        (await Records("figure=replyRate")).ShouldBe(["d", "f", "g", "h"], "a rate lists its numerator");
        (await Records("figure=assigned")).ShouldBe(["d", "e", "f", "g", "h", "i"]);
        (await Records("figure=answeredLate")).ShouldBe(["e"]);
        (await Records("figure=unrated")).ShouldBe(["f"]);
        (await Records("figure=dissatisfied")).ShouldBe(["h"]);
        (await Records("figure=satisfactionRate")).ShouldBe(["d", "g"]);
        (await Records("figure=resolutionRate")).ShouldBe(["d", "g"]);
        (await Records("figure=faceToFace")).ShouldBe(["d"]);
        (await Records("figure=overdueNow")).ShouldBe(["i"]);
        (await Records("figure=received")).ShouldBe(["b", "c", "d", "e", "f", "g", "h", "i", "j"]);
        (await Records("figure=commitmentsPromised")).ShouldBe(["d", "d"]);
        (await Records("figure=commitmentsDone")).ShouldBe(["d"]);
        await using (var scope = app.Db())
        {
            var edu = await scope.Context.HandlingUnits.Where(u => u.Name == "德令哈市教育局").Select(u => u.Id).FirstAsync();
            (await Records($"figure=assigned&unit={edu}")).ShouldBe(["d", "e", "f"]);
            (await Records($"figure=replyRate&unit={edu}")).ShouldBe(["d", "f"]);
        }
        (await Records("figure=received&category=" + Uri.EscapeDataString("城乡建设"))).ShouldBe(["g", "h", "i"]);
        // Every figure's records link, followed, gives as many records as the figure says.
        var s = await StatisticsAsync();
        foreach (var figure in s.GetProperty("figures").EnumerateArray())
        {
            var api = figure.GetProperty("recordsApi").GetString()!;
            var page = await (await staff.GetAsync(api + "&pageSize=200")).ShouldBeOkJsonAsync();
            var expected = figure.GetProperty("kind").GetString() == "Rate" ? figure.GetProperty("numerator").GetInt32() : figure.GetProperty("count").GetInt32();
            page.GetProperty("total").GetInt32().ShouldBe(expected, figure.GetProperty("key").GetString());
        }
        var unknown = await staff.GetAsync($"/api/v1/congresses/{Code}/suggestions/statistics/records?year={Year}&figure=nonsense");
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("figure").ShouldNotBeEmpty();
        items.Count.ShouldBe(10);
    }

    [Fact]
    public async Task The_own_congress_sees_deputies_by_name()
    {
        await DataAsync();
        await using var scope = app.Db();
        var congress = await scope.Context.Congresses.FirstAsync(c => c.Code == Code);
        var own = await SuggestionStatistics.ComputeAsync(scope.Context, congress, Year, own: true);
        own.ByDeputy.ShouldNotBeNull();
        own.ByDeputy.Sum(x => x.Received).ShouldBe(9);
        own.ByDeputy.ShouldAllBe(x => x.Name.Length > 0);
        own.ByDeputy.Sum(x => x.Satisfied).ShouldBe(own.Satisfied);
        var upper = await SuggestionStatistics.ComputeAsync(scope.Context, congress, Year, own: false);
        upper.ByDeputy.ShouldBeNull();
    }

    [Fact]
    public void Rates_are_fractions_null_without_a_denominator_and_percentages_never_round_up_to_100()
    {
        SuggestionStatistics.Rate(0, 0).ShouldBeNull();
        SuggestionStatistics.Rate(3, 4).ShouldBe(0.75);
        SuggestionStatistics.Percent(1).ShouldBe("100%");
        SuggestionStatistics.Percent(2.0 / 3).ShouldBe("66.7%");
        SuggestionStatistics.Percent(0.9996).ShouldBe("99.9%");
        SuggestionStatistics.Sentence(new SuggestionTally()).ShouldBe("年内未收到代表建议。");
        var all = new SuggestionTally { Received = 10, Assigned = 10, AnsweredOnTime = 10, Closed = 10, Rated = 10, Satisfied = 9, SatisfiedOrBasic = 10 };
        SuggestionStatistics.Sentence(all).ShouldBe("年内共办结10件，办复率达到100%，满意率为90%。");
    }

    [Fact]
    public async Task The_statistics_and_ledgers_are_described_in_the_openapi_document()
    {
        var client = await app.ApiClientAsync("daigongwei");
        var paths = (await (await client.GetAsync("/openapi/v1.json")).ShouldBeOkJsonAsync()).GetProperty("paths");
        paths.TryGetProperty("/api/v1/congresses/{code}/suggestions/statistics", out var statistics).ShouldBeTrue();
        statistics.GetRawText().ShouldContain("SuggestionStatisticsReport");
        paths.TryGetProperty("/api/v1/congresses/{code}/suggestions/statistics/records", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/congresses/{code}/suggestions/ledgers/assignments.xlsx", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_year_or_congress_is_refused_with_a_reason()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        (await (await staff.GetAsync("/api/v1/congresses/632800/suggestions/statistics?year=1800")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("year").ShouldNotBeEmpty();
        await (await staff.GetAsync("/api/v1/congresses/999999/suggestions/statistics?year=2023")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync("/api/v1/congresses/630000/suggestions/statistics?year=2023")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class StatisticsTests_Sqlite(SqliteApp app) : StatisticsTests(app), IClassFixture<SqliteApp>;
public sealed class StatisticsTests_Postgres(PostgresApp app) : StatisticsTests(app), IClassFixture<PostgresApp>;
