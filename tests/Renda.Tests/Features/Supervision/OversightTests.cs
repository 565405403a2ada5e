using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Supervision;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Supervision;

/// <summary>Interpellation (第五十一—五十三条), post-appointment appraisal by secret ballot, inspections with deputies, surveys, inquiries.</summary>
public abstract class OversightTests(RendaApp app)
{
    private static Task<HttpResponseMessage> FileAsync(HttpClient staff, int organId, IEnumerable<int> proposers)
        => staff.PostJsonAsync($"{SupervisionSteps.Root}/interpellations", new
        {
            title = "关于州生态环境局对某化工企业违法排污问题查处不力的质询案", questions = "一、……二、……", organId, meetingId = (int?)null, proposerPersonIds = proposers.ToArray(),
        });

    [Fact]
    public async Task An_interpellation_needs_five_proposers_in_a_prefecture_and_more_than_half_dissatisfied_asks_a_second_answer()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.UnitIdAsync("海西州生态环境局");
        var seated = (await app.SeatedMembersAsync()).Select(s => s.PersonId).Take(5).ToList();
        var few = await (await FileAsync(staff, organ, seated.Take(4))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        few.FieldErrors("proposerPersonIds").Single().ShouldContain("5人以上");
        await using (var scope = app.Db())
            (await scope.Context.Set<Interpellation>().CountAsync(i => i.Title.Contains("某化工企业"))).ShouldBe(0);

        var filed = await FileAsync(staff, organ, seated).CreatedAsync();
        filed.GetProperty("minimum").GetInt32().ShouldBe(5);
        var id = filed.Id();
        var url = $"/api/v1/supervision/interpellations/{id}";
        await staff.PostJsonAsync($"{url}/answer", new { answeredBy = "州生态环境局局长", answer = "已责令停产整治并立案处罚。" }).DoneAsync();
        for (var k = 0; k < 5; k++)
            await staff.PostJsonAsync($"{url}/satisfaction", new { personId = seated[k], satisfied = k < 2 }).DoneAsync();
        (await staff.GetJsonAsync(url)).Str("status").ShouldBe("SecondAnswerRequired");
        await staff.PostJsonAsync($"{url}/answer", new { answeredBy = "州人民政府副州长", answer = "已成立专班督办，企业已完成整改并通过验收。" }).DoneAsync();
        for (var k = 0; k < 5; k++)
            await staff.PostJsonAsync($"{url}/satisfaction", new { personId = seated[k], satisfied = true }).DoneAsync();
        var closed = await staff.GetJsonAsync(url);
        closed.Str("status").ShouldBe("Closed");
        closed.Str("secondAnswer").ShouldContain("专班");
    }

    [Fact]
    public async Task Members_appraise_an_appointed_official_once_each_by_secret_ballot()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        int appointmentId;
        await using (var scope = app.Db())
            appointmentId = await scope.Context.Set<Appointment>().Where(a => a.Status == AppointmentStatus.Approved && a.Kind == AppointmentKind.Appointment && a.CongressId == scope.Context.Congresses.First(c => c.Code == MeetingSteps.Haixi).Id)
                .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
        var review = await staff.PostJsonAsync($"{SupervisionSteps.Root}/appraisals", new { appointmentId, meetingId = (int?)null, writtenReport = true, performanceReport = "任职以来履职情况的报告……" }).CreatedAsync();
        var url = $"/api/v1/supervision/appraisals/{review.Id()}";
        (await staff.PostJsonAsync($"{SupervisionSteps.Root}/appraisals", new { appointmentId, meetingId = (int?)null, writtenReport = true, performanceReport = "重复" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await staff.PostJsonAsync($"{url}/open").DoneAsync();

        var members = await app.MemberClientsAsync(3);
        await members[0].Client.PostJsonAsync($"{url}/ballots", new { choice = "满意" }).CreatedAsync();
        await members[1].Client.PostJsonAsync($"{url}/ballots", new { choice = "基本满意" }).CreatedAsync();
        var second = await (await members[0].Client.PostJsonAsync($"{url}/ballots", new { choice = "不满意" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        second.Str("detail").ShouldContain("不能重复测评");
        (await (await members[2].Client.PostJsonAsync($"{url}/ballots", new { choice = "很好" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("choice").ShouldNotBeEmpty();
        // A deputy who is not a member, and a former member, are refused.
        var deputy = await app.ApiClientAsync("daibiao");
        (await deputy.PostJsonAsync($"{url}/ballots", new { choice = "满意" })).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        var former = await app.MemberAccountAsync("former-appraiser", await app.FormerMemberPersonIdAsync());
        (await (await former.PostJsonAsync($"{url}/ballots", new { choice = "满意" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Str("detail").ShouldContain("在任");

        var open = await members[0].Client.GetJsonAsync(url);
        open.GetProperty("hasAppraised").GetBoolean().ShouldBeTrue();
        open.GetProperty("results").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "no running count while the appraisal is open");
        await staff.PostJsonAsync($"{url}/close").DoneAsync();
        var results = (await staff.GetJsonAsync(url)).GetProperty("results").EnumerateArray().ToDictionary(r => r.Str("choice"), r => r.GetProperty("count").GetInt32());
        results.ShouldBe(new Dictionary<string, int> { ["满意"] = 1, ["基本满意"] = 1, ["不满意"] = 0 });
        // The receipt says who appraised; the paper says what; nothing links them.
        await using (var scope = app.Db())
        {
            (await scope.Context.Set<AppraisalReceipt>().CountAsync(r => r.ReviewId == review.Id())).ShouldBe(2);
            typeof(AppraisalPaper).GetProperties().Select(p => p.Name).ShouldBe(["Id", "ReviewId", "Choice"], ignoreOrder: true);
            // Neither enters the audit trail, where a paper would sit next to its member's name; the closing digest seals them.
            (await scope.Context.AuditRecords.AnyAsync(a => a.EntityType == nameof(AppraisalPaper) || a.EntityType == nameof(AppraisalReceipt))).ShouldBeFalse();
            var digest = await scope.Context.Set<PostAppointmentReview>().Where(r => r.Id == review.Id()).Select(r => r.BallotDigest).FirstAsync();
            digest.ShouldNotBeNull().Length.ShouldBe(64);
        }
    }

    [Fact]
    public async Task An_official_not_appointed_by_the_committee_cannot_be_appraised()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        int removal;
        await using (var scope = app.Db())
            removal = await scope.Context.Set<Appointment>().Where(a => a.Kind == AppointmentKind.Removal && a.Status == AppointmentStatus.Approved && a.CongressId == scope.Context.Congresses.First(c => c.Code == MeetingSteps.Haixi).Id).Select(a => a.Id).FirstAsync();
        var refused = await (await staff.PostJsonAsync($"{SupervisionSteps.Root}/appraisals", new { appointmentId = removal, writtenReport = false })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldErrors("appointmentId").Single().ShouldContain("任命");
    }

    [Fact]
    public async Task An_inspection_team_with_deputies_writes_their_duty_records_and_its_report_enters_the_loop()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var seated = await app.SeatedMembersAsync();
        int[] deputies;
        await using (var scope = app.Db())
            deputies = await scope.Context.Deputies.Where(d => d.Congress!.Code == MeetingSteps.Haixi && d.Status == DeputyStatus.Serving).OrderByDescending(d => d.Id).Take(2).Select(d => d.Id).ToArrayAsync();
        var created = await staff.PostJsonAsync($"{SupervisionSteps.Root}/inspections", new
        {
            law = "《中华人民共和国道路交通安全法》", title = (string?)null, startsOn = MeetingSteps.Today.Iso(), endsOn = MeetingSteps.Today.AddDays(5).Iso(), places = "德令哈市、格尔木市",
            usesQuestionnaire = true, usesSpotCheck = true, usesThirdPartyAssessment = false, topicId = (int?)null,
            team = new object[] { new { role = "Leader", personId = seated[1].PersonId }, new { role = "Deputy", deputyId = deputies[0] }, new { role = "Deputy", deputyId = deputies[1] } },
            jointCongressCodes = new[] { "632801" },
        }).CreatedAsync();
        var id = created.Id();
        created.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ShouldContain("问卷调查");
        created.GetProperty("parts").EnumerateArray().Single().Str("congress").ShouldBe("格尔木市");
        await using (var scope = app.Db())
            (await scope.Context.Set<DutyRecord>().Where(r => r.SourceType == "LawEnforcementInspection" && r.SourceId == id).Select(r => r.DeputyId).ToListAsync()).ShouldBe(deputies, ignoreOrder: true);

        var url = $"/api/v1/supervision/inspections/{id}";
        var gov = await app.UnitIdAsync("海西州人民政府");
        (await staff.PostJsonAsync($"{url}/report", new { report = "报告", organId = gov })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await staff.PostJsonAsync($"{url}/findings", new { findings = "交通安全设施欠账较多。" }).DoneAsync();
        var report = await staff.PostJsonAsync($"{url}/report", new { report = "一、法律实施的总体情况……二、存在的问题……三、意见建议……", organId = gov }).CreatedAsync();
        report.Str("kind").ShouldBe("InspectionReport");
        report.Str("status").ShouldBe("Submitted");
        (await staff.GetJsonAsync(url)).Str("status").ShouldBe("Reported");
    }

    [Fact]
    public async Task Surveys_and_deputy_inspections_are_counted_apart_and_an_inquiry_follows_its_commitments()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var before = await staff.StatisticsAsync(MeetingSteps.Haixi, 2026);
        int deputy;
        await using (var scope = app.Db())
            deputy = await scope.Context.Deputies.Where(d => d.Congress!.Code == MeetingSteps.Haixi && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        (await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "DeputyInspection", topic = "城乡环境整治视察", startsOn = "2026-11-16", endsOn = "2026-11-16", deputyIds = Array.Empty<int>() }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A record can only carry out a topic of this congress's own plan.
        (await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "Survey", topic = "城乡环境整治调研", startsOn = "2026-11-16", endsOn = "2026-11-16", topicId = 999_999 }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await staff.PostJsonAsync($"{SupervisionSteps.Root}/inquiries", new { title = "关于城乡环境整治的专题询问", heldOn = "2026-11-17", topicId = 999_999 }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var s = await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "DeputyInspection", topic = "城乡环境整治视察", startsOn = "2026-11-16", endsOn = "2026-11-16", deputyIds = new[] { deputy } }).CreatedAsync();
        await staff.PostJsonAsync($"/api/v1/supervision/surveys/{s.Id()}/report", new { findings = "垃圾分类设施不足", report = "视察报告……" }).DoneAsync();
        await staff.PostJsonAsync($"{SupervisionSteps.Root}/surveys", new { kind = "Survey", topic = "全州冬季供暖保障专题调研", startsOn = "2026-11-17", endsOn = "2026-11-19" }).CreatedAsync();
        var q = await staff.PostJsonAsync($"{SupervisionSteps.Root}/inquiries", new { title = "关于冬季供暖保障的专题询问", heldOn = "2026-11-17" }).CreatedAsync();
        var question = await staff.PostJsonAsync($"/api/v1/supervision/inquiries/{q.Id()}/questions", new
        {
            asker = "委员甲", addressedOrgan = "海西州住房和城乡建设局", question = "老旧管网何时改造完成？", answeredBy = "州住建局局长", answer = "明年供暖季前完成。", commitment = "2027年10月前完成老旧管网改造",
        }).CreatedAsync();
        await staff.PostJsonAsync($"/api/v1/supervision/inquiry-questions/{question.Id()}/done").DoneAsync();
        (await staff.PostJsonAsync($"/api/v1/supervision/inquiry-questions/{question.Id()}/done")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = await staff.StatisticsAsync(MeetingSteps.Haixi, 2026);
        after.GetProperty("deputyInspections").GetInt32().ShouldBe(before.GetProperty("deputyInspections").GetInt32() + 1);
        after.GetProperty("surveys").GetInt32().ShouldBe(before.GetProperty("surveys").GetInt32() + 1);
        after.GetProperty("inquiries").GetInt32().ShouldBe(before.GetProperty("inquiries").GetInt32() + 1);
        await using (var scope = app.Db())
            (await scope.Context.Set<DutyRecord>().AnyAsync(r => r.SourceType == "Survey" && r.SourceId == s.Id() && r.DeputyId == deputy && r.Kind == "参加代表视察")).ShouldBeTrue();
    }
}

public sealed class OversightTests_Sqlite(SqliteApp app) : OversightTests(app), IClassFixture<SqliteApp>;
public sealed class OversightTests_Postgres(PostgresApp app) : OversightTests(app), IClassFixture<PostgresApp>;
