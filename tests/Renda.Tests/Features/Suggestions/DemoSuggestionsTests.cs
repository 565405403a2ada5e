using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// The demo story's suggestions: Haixi 2023 gives the seed report's figures through the API, the
/// current year has a suggestion in every state, and every record is one the state machine and
/// its clocks could have produced.
/// </summary>
public abstract class DemoSuggestionsTests(RendaApp app)
{
    private async Task<int> HaixiAsync()
    {
        await using var scope = app.Db();
        return await scope.Context.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task Haixi_2023_gives_the_seed_reports_figures_through_the_api()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var s = await (await staff.GetAsync("/api/v1/congresses/632800/suggestions/statistics?year=2023")).ShouldBeOkJsonAsync();
        s.GetProperty("received").GetInt32().ShouldBe(34);
        s.GetProperty("assigned").GetInt32().ShouldBe(34);
        s.GetProperty("answered").GetInt32().ShouldBe(34);
        s.GetProperty("answeredOnTime").GetInt32().ShouldBe(34);
        s.GetProperty("closed").GetInt32().ShouldBe(34);
        s.GetProperty("replyRate").GetDouble().ShouldBe(1.0);
        s.GetProperty("satisfactionRate").GetDouble().ShouldBe(1.0);
        s.GetProperty("basicSatisfactionRate").GetDouble().ShouldBe(0.0);
        s.GetProperty("resolutionRate").GetDouble().ShouldBeInRange(0.5, 0.99);
        s.GetProperty("overdueNow").GetInt32().ShouldBe(0);
        s.GetProperty("keySuggestions").GetInt32().ShouldBe(3);
        var sentence = s.GetProperty("sentence").GetString()!;
        sentence.ShouldBe("年内共办结34件，办复率和满意率均达到100%。");
        sentence.ShouldContain("34件");
        sentence.ShouldContain("100%");
        s.GetProperty("byUnit").EnumerateArray().Sum(u => u.GetProperty("assigned").GetInt32()).ShouldBe(34);
        s.GetProperty("byCategory").EnumerateArray().Sum(u => u.GetProperty("received").GetInt32()).ShouldBe(34);
        s.GetProperty("byDeputy").EnumerateArray().Sum(u => u.GetProperty("received").GetInt32()).ShouldBe(34);
        var reply = s.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("key").GetString() == "replyRate");
        reply.GetProperty("definition").GetString().ShouldBe("办复率 = 在期限内答复的件数 ÷ 交办件数");
        reply.GetProperty("records").GetString().ShouldBe("/suggestions/statistics/records?code=632800&year=2023&figure=answeredOnTime");
    }

    [Fact]
    public async Task The_sentence_for_the_annual_report_comes_from_the_2023_figures()
    {
        await using var scope = app.Db();
        var haixi = await scope.Context.Congresses.FirstAsync(c => c.Code == "632800");
        var report = await SuggestionStatistics.ComputeAsync(scope.Context, haixi, 2023, own: true);
        var text = SuggestionStatistics.Sentence(report);
        text.ShouldContain("34件");
        text.ShouldContain("100%");
        SuggestionStatistics.Summary(report).ShouldStartWith(text);
        SuggestionStatistics.Summary(report).ShouldContain("重点督办建议3件");
    }

    [Fact]
    public async Task An_upper_congress_reads_the_statistics_without_names_and_a_county_cannot()
    {
        var province = await app.ApiClientAsync("qh-staff");
        var s = await (await province.GetAsync("/api/v1/congresses/632800/suggestions/statistics?year=2023")).ShouldBeOkJsonAsync();
        s.GetProperty("received").GetInt32().ShouldBe(34);
        s.TryGetProperty("byDeputy", out _).ShouldBeFalse();
        var records = await (await province.GetAsync("/api/v1/congresses/632800/suggestions/statistics/records?year=2023&figure=closed&pageSize=5")).ShouldBeOkJsonAsync();
        records.GetProperty("total").GetInt32().ShouldBe(34);
        records.GetProperty("items")[0].GetProperty("link").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var own = await (await province.GetAsync("/api/v1/congresses/630000/suggestions/statistics?year=2023&below=true")).ShouldBeOkJsonAsync();
        own.GetProperty("below").EnumerateArray().First(b => b.GetProperty("key").GetString() == "632800").GetProperty("received").GetInt32().ShouldBe(34);

        var county = await app.ApiClientAsync("gem-staff");
        await (await county.GetAsync("/api/v1/congresses/632800/suggestions/statistics?year=2023")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await county.GetAsync("/api/v1/congresses/632800/suggestions/statistics/records?year=2023&figure=closed")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var deputy = await app.ApiClientAsync("daibiao");
        await (await deputy.GetAsync("/api/v1/congresses/632800/suggestions/statistics?year=2023")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_current_year_has_a_suggestion_in_every_state()
    {
        await using var scope = app.Db();
        var db = scope.Context;
        var haixi = await HaixiAsync();
        var year = WorkCalendar.Today(app.Clock).Year;
        var current = await SuggestionWorkflow.WithDetails(db).AsNoTracking().Where(s => s.CongressId == haixi && s.Year == year).ToListAsync();
        foreach (var state in Enum.GetValues<SuggestionStatus>())
            current.ShouldContain(s => s.Status == state, $"no demo suggestion is {state}");
        var today = WorkCalendar.Today(app.Clock);
        current.Count(s => s.Status == SuggestionStatus.Assigned && s.AnswerDueOn < today).ShouldBeGreaterThanOrEqualTo(2);
        current.ShouldContain(s => s.IsKey && s.KeyLeader != null && s.Status == SuggestionStatus.Assigned);
        current.ShouldContain(s => s.Signers.Any(x => x.Status == CoSignerStatus.Confirmed) && s.Status != SuggestionStatus.Draft);
        var ids = current.Select(s => s.Id).ToList();
        var commitments = await db.Set<Commitment>().Where(c => ids.Contains(c.SuggestionId)).ToListAsync();
        commitments.ShouldContain(c => c.Status == CommitmentStatus.Done);
        commitments.ShouldContain(c => c.Status == CommitmentStatus.Open);
        // The demo accounts have work waiting: the deputy a rating, the education bureau an overdue answer.
        var daibiao = await db.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.PersonId).FirstAsync();
        var daibiaoDeputy = await db.Deputies.Where(d => d.PersonId == daibiao && d.CongressId == haixi).Select(d => d.Id).FirstAsync();
        current.ShouldContain(s => s.LeadDeputyId == daibiaoDeputy && s.Status == SuggestionStatus.Answered);
        var education = await db.HandlingUnits.Where(u => u.Name == "海西州教育局").Select(u => u.Id).FirstAsync();
        current.ShouldContain(s => s.Status == SuggestionStatus.Assigned && s.AnswerDueOn < today && s.Assignments.Any(a => a.HandlingUnitId == education));
    }

    /// <summary>
    /// The demo history was replayed, not typed in: check every record against what the workflow
    /// would have produced — dates in order and within their legal periods, fields matching the
    /// state, a clock running exactly for each step still awaited, and every other clock ended.
    /// </summary>
    [Fact]
    public async Task Every_demo_record_is_one_the_state_machine_could_have_produced()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkCalendar>();
        var haixi = await HaixiAsync();
        var settings = await Settings.ForAsync<SuggestionSettings>(db, haixi);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var suggestions = await SuggestionWorkflow.WithDetails(db).AsNoTracking().Where(s => s.CongressId == haixi).ToListAsync();
        suggestions.Count.ShouldBeGreaterThan(50);
        var clocks = (await db.Deadlines.AsNoTracking().Where(d => d.SubjectType == SuggestionWorkflow.Subject).ToListAsync()).ToLookup(d => d.SubjectId);
        var numbers = suggestions.Where(s => s.Number != null).GroupBy(s => s.Year);
        foreach (var year in numbers)
        {
            // Numbered in order of receipt, without gaps.
            var ordered = year.OrderBy(s => s.Number, StringComparer.Ordinal).ToList();
            ordered.Select(s => s.Number).ShouldBe(Enumerable.Range(1, ordered.Count).Select(i => $"{year.Key}-{i:000}"));
            ordered.Select(s => s.ReceivedOn).ShouldBe(ordered.Select(s => s.ReceivedOn).Order());
        }
        foreach (var s in suggestions)
        {
            var name = $"{s.Number ?? "draft"} {s.Title}";
            var history = s.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
            history.ShouldAllBe(h => h.At <= now, name);
            history[0].Action.ShouldBe("起草", name);
            history[0].At.ShouldBe(s.CreatedAt, name);
            var mine = clocks[SuggestionWorkflow.Id(s)].ToList();
            var running = mine.Where(d => d.Status is DeadlineStatus.Open or DeadlineStatus.Overdue).Select(d => d.Purpose).ToList();
            mine.Where(d => d.Status is DeadlineStatus.Met or DeadlineStatus.Cancelled).ShouldAllBe(d => d.CompletedAt <= now && WorkCalendar.LocalDate(d.CompletedAt!.Value) >= d.StartsOn, name);
            foreach (var d in mine)
                d.DueOn.ShouldBe(calendar.Due(d.StartsOn, d.Unit, d.Amount), name);
            if (s.Status == SuggestionStatus.Draft)
            {
                s.Number.ShouldBeNull(name);
                mine.ShouldBeEmpty(name);
                continue;
            }
            s.Year.ShouldBe(s.ReceivedOn!.Value.Year, name);
            s.Number!.ShouldStartWith($"{s.Year}-", Case.Sensitive, name);
            var submitted = WorkCalendar.LocalDate(s.SubmittedAt!.Value);
            (s.CreatedAt <= s.SubmittedAt).ShouldBeTrue(name);
            if (s.Period == SubmissionPeriod.DuringSession) (s.ReceivedOn >= submitted).ShouldBeTrue(name);
            else s.ReceivedOn.ShouldBe(submitted, name);
            var assign = mine.Single(d => d.Purpose == "assign");
            assign.StartsOn.ShouldBe(s.ReceivedOn!.Value, name);
            if (s.AssignedOn is { } assigned)
            {
                // Assigned within 10 working days of receipt; the answer is due 3 months after.
                (assigned <= calendar.AddWorkingDays(s.ReceivedOn.Value, settings.AssignWorkingDays)).ShouldBeTrue(name);
                assign.Status.ShouldBe(DeadlineStatus.Met, name);
                s.AnswerDueOn.ShouldBe(calendar.Due(assigned, PeriodUnit.Months, settings.AnswerMonths), name);
                s.Assignments.ShouldAllBe(a => a.AssignedOn == assigned, name);
                s.Contacts.ShouldAllBe(c => c.On >= assigned && c.On <= WorkCalendar.LocalDate(now), name);
            }
            if (s.FirstAnsweredOn is { } first)
            {
                (first >= s.AssignedOn).ShouldBeTrue(name);
                (s.AnsweredOn >= first).ShouldBeTrue(name);
                s.Answers.Min(a => a.AnsweredOn).ShouldBe(first, name);
                s.AnswerCategory.ShouldBe(s.Answers.OrderBy(a => a.Round).Last().Category, name);
            }
            foreach (var rating in s.Ratings)
            {
                var answered = s.Answers.Where(a => a.Round == rating.Round).Max(a => a.AnsweredOn);
                (rating.RatedOn >= answered && rating.RatedOn <= calendar.AddWorkingDays(answered, settings.RatingWorkingDays)).ShouldBeTrue(name);
            }
            s.Round.ShouldBe(1 + s.Ratings.Count(r => r.DeputyId == s.LeadDeputyId && r.Result == Satisfaction.Dissatisfied), name);
            var leadUnits = s.ActiveAssignments.Where(a => a.Role != AssignmentRole.Co).Select(a => a.HandlingUnitId).ToList();
            switch (s.Status)
            {
                case SuggestionStatus.Submitted:
                case SuggestionStatus.Accepted:
                    running.ShouldBe(["assign"], name);
                    break;
                case SuggestionStatus.Returned:
                case SuggestionStatus.Merged:
                    assign.Status.ShouldBe(DeadlineStatus.Cancelled, name);
                    running.ShouldBeEmpty(name);
                    s.ClosedOn.ShouldNotBeNull(name);
                    (s.Status == SuggestionStatus.Merged ? s.MergedIntoId != null : s.ReturnReason != null).ShouldBeTrue(name);
                    break;
                case SuggestionStatus.Assigned:
                    s.Answers.ShouldBeEmpty(name);
                    running.ShouldContain($"answer:{leadUnits[0]}", name);
                    running.ShouldAllBe(p => p!.StartsWith("answer:") || p.StartsWith("contact:") || p.StartsWith("co-views:"), name);
                    break;
                case SuggestionStatus.UnitReturned:
                    running.ShouldBe(["reassign"], name);
                    s.Assignments.ShouldContain(a => a.Status == AssignmentStatus.Returned && a.ReturnedOn <= calendar.AddWorkingDays(a.AssignedOn, settings.UnitReturnWorkingDays), name);
                    break;
                case SuggestionStatus.Answered:
                    running.ShouldBe(["rating"], name);
                    s.Rating.ShouldBeNull(name);
                    break;
                case SuggestionStatus.Rehandling:
                    running.ShouldBe(leadUnits.Select(u => (string?)$"rehandle:{u}"), name);
                    s.Rating.ShouldBe(Satisfaction.Dissatisfied, name);
                    break;
                case SuggestionStatus.Closed:
                    running.ShouldBeEmpty(name);
                    (s.Rating is Satisfaction.Satisfied or Satisfaction.BasicallySatisfied || (s.RatingMissing && s.Rating is null)).ShouldBeTrue(name);
                    (s.ClosedOn >= s.AnsweredOn).ShouldBeTrue(name);
                    if (s.RatingMissing)
                        (s.ClosedOn > calendar.AddWorkingDays(s.AnsweredOn!.Value, settings.RatingWorkingDays)).ShouldBeTrue(name);
                    break;
                case SuggestionStatus.Draft:
                    break;
            }
        }
    }

    [Fact]
    public async Task The_demos_unit_officers_and_deputies_sign_in_with_the_demo_password_and_see_their_own()
    {
        var forestry = await app.ApiClientAsync("lincaoju");
        var mine = await (await forestry.GetAsync("/api/v1/congresses/632800/suggestions?pageSize=200")).ShouldBeOkJsonAsync();
        mine.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        mine.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("units").GetString()!.Contains("海西州林业和草原局"));
        var deputy = await app.ApiClientAsync("daibiao2");
        var own = await (await deputy.GetAsync("/api/v1/congresses/632800/suggestions?pageSize=200")).ShouldBeOkJsonAsync();
        own.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Loading_the_demo_again_adds_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var before = await db.Set<Suggestion>().CountAsync();
        var accounts = await db.Accounts.CountAsync();
        await SuggestionDemo.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<WorkCalendar>());
        (await db.Set<Suggestion>().CountAsync()).ShouldBe(before);
        (await db.Accounts.CountAsync()).ShouldBe(accounts);
    }
}

public sealed class DemoSuggestionsTests_Sqlite(SqliteApp app) : DemoSuggestionsTests(app), IClassFixture<SqliteApp>;
public sealed class DemoSuggestionsTests_Postgres(PostgresApp app) : DemoSuggestionsTests(app), IClassFixture<PostgresApp>;
