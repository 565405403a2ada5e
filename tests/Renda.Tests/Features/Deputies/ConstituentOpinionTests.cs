using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Features.Filings;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Features.Suggestions;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

using static StationSteps;

/// <summary>Constituents' opinions followed to the end: 接待 → 分流 (当场答复 / 属地办理 / 转交 / 转为建议) → 答复 → 反馈 → 满意度测评.</summary>
public abstract class ConstituentOpinionTests(RendaApp app)
{
    private async Task<(HttpClient Staff, int Reception, List<(int Id, int PersonId)> Deputies)> ReceptionAsync(int skip)
    {
        var station = await (await app.StaffAsync()).CreateStationAsync();
        var deputies = await app.DeputiesAsync(count: 2, skip: skip);
        var (staff, reception) = await app.ReceptionTodayAsync(station, [.. deputies.Select(d => d.Id)]);
        return (staff, reception, deputies);
    }

    [Fact]
    public async Task An_opinion_referred_to_the_education_bureau_is_answered_by_its_officer_fed_back_and_rated_with_the_clock_met()
    {
        var (staff, reception, deputies) = await ReceptionAsync(50);
        var id = (await staff.RecordOpinionAsync(reception)).GetProperty("opinion").Id();
        var education = await app.UnitIdAsync("海西州教育局");
        await staff.OpinionStepAsync(id, "refer", new { handlingUnitId = education }).DoneAsync();
        var clock = (await app.ClocksAsync(ConstituentOpinionWorkflow.Subject, id)).Single();
        (clock.Purpose, clock.Unit, clock.Amount, clock.OwnerHandlingUnitId, clock.Status).ShouldBe(($"reply:{education}", PeriodUnit.WorkingDays, 15, (int?)education, DeadlineStatus.Open));

        var unit = await app.ApiClientAsync("jiaoyuju");
        var queue = await unit.GetJsonAsync($"{Api}/opinions/referred");
        var mine = queue.EnumerateArray().Single(o => o.Id() == id);
        mine.Str("contact").ShouldBe("139****1234");
        (await unit.OpinionAsync(id)).GetProperty("opinion").Str("contact").ShouldBe("139****1234", "masked for the unit");
        (await staff.OpinionAsync(id)).GetProperty("opinion").Str("contact").ShouldBe("13997101234", "in full on the staff's detail");
        await staff.OpinionStepAsync(id, "answer", new { answer = "不是本单位" }).ShouldBeRefusedAsync(HttpStatusCode.Forbidden, "承办单位经办人");
        await unit.OpinionStepAsync(id, "answer", new { answer = "" }).ShouldNameFieldAsync("answer");
        await unit.OpinionStepAsync(id, "answer", new { answer = "州教育局已将新增公办幼儿园学位纳入明年计划。" }).DoneAsync();
        (await app.ClocksAsync(ConstituentOpinionWorkflow.Subject, id)).Single().Status.ShouldBe(DeadlineStatus.Met);

        await staff.OpinionStepAsync(id, "satisfaction", new { satisfaction = "Satisfied" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "不能登记群众满意度");
        await staff.OpinionStepAsync(id, "feedback", new { feedback = "已电话告知李国华办理结果。" }).DoneAsync();
        await staff.OpinionStepAsync(id, "satisfaction", new { }).ShouldNameFieldAsync("satisfaction");
        await staff.OpinionStepAsync(id, "satisfaction", new { satisfaction = "BasicallySatisfied" }).DoneAsync();
        var done = await staff.OpinionAsync(id);
        (done.OpinionStatus(), done.Str("satisfactionLabel"), done.Str("answer")).ShouldBe(("Closed", "基本满意", "州教育局已将新增公办幼儿园学位纳入明年计划。"));

        await using var scope = app.Db();
        var records = await scope.Context.Set<DutyRecord>().Where(r => r.SourceType == ConstituentOpinionWorkflow.Subject && r.SourceId == id).ToListAsync();
        records.Select(r => (r.DeputyId, r.Kind)).ShouldBe(deputies.Select(d => (d.Id, DutyKinds.OpinionHandled)), ignoreOrder: true);
        var code = await scope.Context.Set<ConstituentOpinion>().Where(o => o.Id == id).Select(o => o.ReceiptCode).FirstAsync();
        var status = await app.Anonymous().GetJsonAsync($"/api/v1/public/station-opinions/{code}");
        status.Str("statusLabel").ShouldBe("已办结");
        status.TryGetProperty("contact", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_referral_to_another_congresss_unit_and_an_opinion_of_two_megabytes_are_refused_naming_the_field_and_nothing_is_written()
    {
        var (staff, reception, _) = await ReceptionAsync(60);
        var id = (await staff.RecordOpinionAsync(reception)).GetProperty("opinion").Id();
        var golmudEducation = await app.UnitIdAsync("格尔木市教育局");
        await staff.OpinionStepAsync(id, "refer", new { handlingUnitId = golmudEducation }).ShouldNameFieldAsync("handlingUnitId");
        await staff.OpinionStepAsync(id, "refer", new { }).ShouldNameFieldAsync("handlingUnitId");
        (await staff.OpinionAsync(id)).OpinionStatus().ShouldBe("Received");
        (await app.ClocksAsync(ConstituentOpinionWorkflow.Subject, id)).ShouldBeEmpty();

        var before = await app.CountAsync<ConstituentOpinion>();
        await staff.PostJsonAsync($"{Api}/receptions/{reception}/opinions", Opinion(new string('意', 2 * 1024 * 1024))).ShouldNameFieldAsync("content");
        await staff.PostJsonAsync($"{Api}/receptions/{reception}/opinions", Opinion(category: "天气")).ShouldNameFieldAsync("category");
        await staff.PostJsonAsync($"{Api}/receptions/{reception}/opinions", Opinion(contact: "")).ShouldNameFieldAsync("contact");
        (await app.CountAsync<ConstituentOpinion>()).ShouldBe(before, "nothing written");
    }

    [Fact]
    public async Task Answered_on_the_spot_or_handled_by_the_township_each_step_once()
    {
        var (staff, reception, _) = await ReceptionAsync(70);
        var spot = (await staff.RecordOpinionAsync(reception)).GetProperty("opinion").Id();
        var local = (await staff.RecordOpinionAsync(reception, Opinion("小区路灯损坏多处，夜间出行不便。", "城乡建设"))).GetProperty("opinion").Id();
        await staff.OpinionStepAsync(spot, "answer-on-the-spot", new { answer = "已当场联系州教育局说明招生计划。" }).DoneAsync();
        await staff.OpinionStepAsync(spot, "answer-on-the-spot", new { answer = "再答复一次" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "已答复待反馈");
        await staff.OpinionStepAsync(spot, "refer", new { handlingUnitId = await app.UnitIdAsync("海西州教育局") }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "不能转交承办单位");
        await staff.OpinionStepAsync(local, "township", new { township = "德令哈市河东街道办事处" }).DoneAsync();
        (await staff.OpinionAsync(local)).OpinionStatus().ShouldBe("WithTownship");
        await staff.OpinionStepAsync(local, "township-result", new { answer = "街道已维修 12 盏路灯。" }).DoneAsync();
        await staff.OpinionStepAsync(local, "feedback", new { feedback = "已上门告知。" }).DoneAsync();
        await staff.OpinionStepAsync(local, "satisfaction", new { satisfaction = "Satisfied" }).DoneAsync();
        var list = await staff.GetJsonAsync($"{Api}/opinions?route=Township&status=Closed");
        list.EnumerateArray().ShouldContain(o => o.Id() == local);
    }

    [Fact]
    public async Task An_opinion_turned_into_a_suggestion_becomes_the_deputys_draft_and_the_suggestions_answer_flows_back()
    {
        var station = await (await app.StaffAsync()).CreateStationAsync();
        var daibiaoDeputy = (await app.DeputiesAsync(count: 1))[0].Id; // the demo deputy (daibiao) is Haixi's first
        var other = (await app.DeputiesAsync(count: 1, skip: 80))[0].Id;
        var (staff, reception) = await app.ReceptionTodayAsync(station, daibiaoDeputy);
        var id = (await staff.RecordOpinionAsync(reception, Opinion("牧区寄宿制学校冬季取暖设施老化，希望实施清洁取暖改造并明确完成时限。"))).GetProperty("opinion").Id();

        await staff.OpinionStepAsync(id, "suggestion", new { deputyId = other, title = "关于牧区学校清洁取暖改造的建议", category = "教育" }).ShouldNameFieldAsync("deputyId");
        await staff.OpinionStepAsync(id, "suggestion", new { deputyId = daibiaoDeputy, title = "", category = "教育" }).ShouldNameFieldAsync("title");
        var created = await staff.OpinionStepAsync(id, "suggestion", new { deputyId = daibiaoDeputy, title = "关于牧区学校清洁取暖改造的建议", category = "教育" }).CreatedAsync();
        var suggestionId = created.GetProperty("suggestionId").GetInt32();
        (await staff.OpinionAsync(id)).OpinionStatus().ShouldBe("Suggested");

        var deputy = await app.ApiClientAsync("daibiao");
        var draft = await deputy.DetailAsync(suggestionId);
        (draft.Status(), draft.Str("title")).ShouldBe(("Draft", "关于牧区学校清洁取暖改造的建议"));
        draft.Str("content").ShouldContain("牧区寄宿制学校冬季取暖设施老化");
        await staff.OpinionStepAsync(id, "feedback", new { feedback = "已告知" }).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "尚未答复");

        // The suggestion goes its own way: submitted, accepted, assigned, answered by the education bureau.
        await deputy.StepAsync(suggestionId, "submit").OkAsync();
        await staff.StepAsync(suggestionId, "accept").OkAsync();
        await staff.AssignToLeadAsync(suggestionId, await app.UnitIdAsync("海西州教育局"));
        var unit = await app.ApiClientAsync("jiaoyuju");
        await unit.StepAsync(suggestionId, "contacts", new { kind = "Visit", faceToFace = true, on = app.Today().Iso(), notes = "电话沟通" }).OkAsync();
        await unit.AnswerAsync(suggestionId);
        var view = await staff.OpinionAsync(id);
        view.GetProperty("suggestion").Str("statusLabel").ShouldNotBeNullOrEmpty();
        view.GetProperty("suggestion").GetProperty("answeredOn").GetString().ShouldBe(app.Today().Iso());

        await staff.OpinionStepAsync(id, "feedback", new { feedback = "已电话告知群众建议的办理答复。" }).DoneAsync();
        var fed = await staff.OpinionAsync(id);
        fed.OpinionStatus().ShouldBe("FeedbackGiven");
        fed.Str("answer").ShouldContain("清洁取暖改造列入2024年项目计划");
    }

    [Fact]
    public async Task A_citizen_leaves_an_opinion_online_without_markup_gets_a_receipt_code_and_is_rate_limited_per_address()
    {
        var citizen = app.Anonymous();
        var station = await (await app.StaffAsync()).CreateStationAsync();
        var url = $"/api/v1/public/stations/{station}/opinions";
        var before = await app.CountAsync<ConstituentOpinion>();
        await citizen.PostJsonAsync(url, Opinion("<script>alert(1)</script>希望增加公交线路。", "城乡建设")).ShouldNameFieldAsync("content");
        await citizen.PostJsonAsync(url, Opinion("<b onmouseover=alert(1)>公交</b>", "城乡建设")).ShouldNameFieldAsync("content");
        (await app.CountAsync<ConstituentOpinion>()).ShouldBe(before, "nothing written");

        var receipt = await citizen.PostJsonAsync(url, Opinion("希望<b>增加</b>城区公交线路，方便老人出行。", "城乡建设")).CreatedAsync();
        var code = receipt.Str("receiptCode");
        await using (var scope = app.Db())
            (await scope.Context.Set<ConstituentOpinion>().Where(o => o.ReceiptCode == code).Select(o => new { o.Content, o.Source, o.Status }).SingleAsync())
                .ShouldBe(new { Content = "希望增加城区公交线路，方便老人出行。", Source = OpinionSource.Online, Status = OpinionStatus.Received });
        (await citizen.GetJsonAsync($"/api/v1/public/station-opinions/{code}")).Str("statusLabel").ShouldBe("待处理");
        (await (await app.StaffAsync()).GetJsonAsync($"{Api}/opinions?status=Received&stationId={station}")).GetArrayLength().ShouldBe(1, "the same flow as a reception's");

        for (var i = 1; i < 5; i++)
            await citizen.PostJsonAsync(url, Opinion($"第{i}条意见：希望增加公交线路。", "城乡建设")).CreatedAsync();
        var count = await app.CountAsync<ConstituentOpinion>();
        var limited = await citizen.PostJsonAsync(url, Opinion("第六条意见：希望增加公交线路。", "城乡建设"));
        (await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString()!.ShouldContain("每小时最多提交 5 条");
        (await app.CountAsync<ConstituentOpinion>()).ShouldBe(count, "nothing written");
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await citizen.PostJsonAsync(url, Opinion("一小时后的意见：希望增加公交线路。", "城乡建设")).CreatedAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task An_overdue_referral_escalates_like_every_clock_and_heads_the_work_list()
    {
        var (staff, reception, _) = await ReceptionAsync(90);
        var id = (await staff.RecordOpinionAsync(reception, Opinion("学校周边交通拥堵，希望设置护学岗。"))).GetProperty("opinion").Id();
        await staff.OpinionStepAsync(id, "refer", new { handlingUnitId = await app.UnitIdAsync("海西州教育局") }).DoneAsync();
        var due = (await app.ClocksAsync(ConstituentOpinionWorkflow.Subject, id)).Single().DueOn;
        app.Clock.Set(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var result = await ActivatorUtilities.CreateInstance<DeadlineMonitor>(app.Services).RunOnceAsync(app.Clock.GetUtcNow());
        staff = await app.StaffAsync();
        result.MarkedOverdue.ShouldBeGreaterThanOrEqualTo(1);
        (await app.ClocksAsync(ConstituentOpinionWorkflow.Subject, id)).Single().Status.ShouldBe(DeadlineStatus.Overdue);
        var list = await staff.GetJsonAsync($"{Api}/opinions");
        list[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        list.EnumerateArray().Single(o => o.Id() == id).GetProperty("overdue").GetBoolean().ShouldBeTrue();
        (await staff.GetJsonAsync($"{Api}/opinions?overdue=true")).EnumerateArray().ShouldContain(o => o.Id() == id);
    }
}

public sealed class ConstituentOpinionTests_Sqlite(SqliteApp app) : ConstituentOpinionTests(app), IClassFixture<SqliteApp>;
public sealed class ConstituentOpinionTests_Postgres(PostgresApp app) : ConstituentOpinionTests(app), IClassFixture<PostgresApp>;
