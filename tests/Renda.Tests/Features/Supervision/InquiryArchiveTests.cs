using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Deputies;
using Renda.Tests.Features.Legislation;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Supervision;

/// <summary>A special inquiry's asker picked as a deputy: 专题询问发言 in the archive, written at the event and kept in step.</summary>
public abstract class InquiryArchiveTests(RendaApp app)
{
    private static string Questions(int inquiryId) => $"/api/v1/supervision/inquiries/{inquiryId}/questions";
    private static string Question(int questionId) => $"/api/v1/supervision/inquiry-questions/{questionId}";

    private async Task<(HttpClient Staff, int Inquiry)> InquiryAsync(string title)
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var q = await staff.PostJsonAsync($"{SupervisionSteps.Root}/inquiries", new { title, heldOn = "2026-11-17" }).CreatedAsync();
        return (staff, q.Id());
    }

    private static object Ask(int? askerDeputyId, string? asker = null, string question = "老旧管网何时改造完成？")
        => new { asker, askerDeputyId, addressedOrgan = "海西州住房和城乡建设局", question };

    [Fact]
    public async Task A_deputy_asker_gets_one_record_per_inquiry_that_follows_changes_and_removal()
    {
        var (staff, inquiry) = await InquiryAsync("关于冬季供暖保障的专题询问（档案）");
        var d = await app.DeputiesAsync(200, 2);
        var (first, second) = (d[0], d[1]);
        Task<List<DutyRecord>> RecordsAsync() => app.RecordsOfAsync(DutyKinds.InquiryQuestion, SpecialInquiry.Subject, inquiry);

        var q1 = (await staff.PostJsonAsync(Questions(inquiry), Ask(first.Id)).CreatedAsync()).Id();
        var q2 = (await staff.PostJsonAsync(Questions(inquiry), Ask(first.Id, question: "供暖补贴何时发放？")).CreatedAsync()).Id();
        var q3 = (await staff.PostJsonAsync(Questions(inquiry), Ask(null, "州政协委员王某", "热源厂建设进度如何？")).CreatedAsync()).Id();
        var view = await staff.GetJsonAsync($"/api/v1/supervision/inquiries/{inquiry}");
        view.GetProperty("questions").EnumerateArray().Select(x => (x.Str("asker"), x.IntOrNull("askerDeputyId")))
            .ShouldBe([(first.Name, first.Id), (first.Name, first.Id), ("州政协委员王某", (int?)null)], "the name comes from the roster when left out");
        (await RecordsAsync()).Select(r => (r.DeputyId, r.On, r.Title)).ShouldBe([(first.Id, new DateOnly(2026, 11, 17), "关于冬季供暖保障的专题询问（档案）")],
            "two questions by one deputy at one inquiry are one record; a non-deputy asker has none");
        var archive = await staff.ArchiveAsync(first.Id);
        archive.GetProperty("records").EnumerateArray().ShouldContain(r => r.Str("kind") == "专题询问发言" && r.Str("link") == $"/supervision/inquiries/{inquiry}");

        // The second question was the other deputy's: each has one.
        await staff.PutJsonAsync(Question(q2), Ask(second.Id, question: "供暖补贴何时发放？")).DoneAsync();
        (await RecordsAsync()).Select(r => r.DeputyId).ShouldBe(new[] { first.Id, second.Id }.Order());
        // The first question removed: its deputy asked nothing else there.
        await staff.DeleteAsync(Question(q1)).DoneAsync();
        (await RecordsAsync()).Select(r => r.DeputyId).ShouldBe([second.Id]);
        // The asker turns out not to hold a mandate: the name stays, the record goes.
        await staff.PutJsonAsync(Question(q2), Ask(null, "李某", "供暖补贴何时发放？")).DoneAsync();
        (await RecordsAsync()).ShouldBeEmpty();
        await staff.PutJsonAsync(Question(q3), Ask(second.Id, "王某（州人大代表）", "热源厂建设进度如何？")).DoneAsync();
        (await RecordsAsync()).Select(r => r.DeputyId).ShouldBe([second.Id]);
        (await staff.GetJsonAsync($"/api/v1/supervision/inquiries/{inquiry}")).GetProperty("questions").EnumerateArray().Last().Str("asker").ShouldBe("王某（州人大代表）");
    }

    [Fact]
    public async Task A_deputy_of_another_congress_or_none_is_refused_with_the_field_and_nothing_is_written()
    {
        var (staff, inquiry) = await InquiryAsync("关于城乡环境整治的专题询问（校验）");
        var golmud = (await app.DeputiesAsync(0, 1, "632801"))[0];
        await staff.PostJsonAsync(Questions(inquiry), Ask(golmud.Id)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "askerDeputyId", "不是本级人大的代表");
        await staff.PostJsonAsync(Questions(inquiry), Ask(999_999)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "askerDeputyId");
        await staff.PostJsonAsync(Questions(inquiry), Ask(null)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "asker");
        (await staff.GetJsonAsync($"/api/v1/supervision/inquiries/{inquiry}")).GetProperty("questions").GetArrayLength().ShouldBe(0);
        (await app.RecordsOfAsync(DutyKinds.InquiryQuestion, SpecialInquiry.Subject, inquiry)).ShouldBeEmpty();

        var deputy = (await app.DeputiesAsync(202, 1))[0];
        var q = (await staff.PostJsonAsync(Questions(inquiry), new { askerDeputyId = deputy.Id, addressedOrgan = "海西州生态环境局", question = "垃圾处理设施何时建成？",
            answeredBy = "州生态环境局局长", answer = "明年建成。", commitment = "2027年6月前建成县级垃圾处理设施" }).CreatedAsync()).Id();
        await staff.PutJsonAsync(Question(q), Ask(golmud.Id)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "askerDeputyId");
        (await app.RecordsOfAsync(DutyKinds.InquiryQuestion, SpecialInquiry.Subject, inquiry)).Select(r => r.DeputyId).ShouldBe([deputy.Id], "a refused change writes nothing");
        await staff.PutJsonAsync(Question(999_999), Ask(deputy.Id)).ShouldBeRefusedAsync(HttpStatusCode.NotFound);
        // A commitment carried out is part of the record: the question is no longer removed.
        await staff.PostJsonAsync($"{Question(q)}/done").DoneAsync();
        (await staff.DeleteAsync(Question(q))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // Only staff record inquiries.
        (await (await app.ApiClientAsync("daibiao")).PostJsonAsync(Questions(inquiry), Ask(deputy.Id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_inquiry_has_its_deputy_asker_and_the_backfill_restores_the_records_idempotently()
    {
        var demoDeputy = await app.DemoDeputyIdAsync();
        (await app.RecordsAsync(demoDeputy)).ShouldContain(r => r.Kind == DutyKinds.InquiryQuestion && r.SourceType == SpecialInquiry.Subject && r.On.Year == 2023,
            "the demo deputy asked a question at the 2023 education inquiry");
        int pairs;
        await using (var scope = app.Db())
            pairs = (await scope.Context.Set<InquiryQuestion>().Where(x => x.AskerDeputyId != null).Select(x => new { x.AskerDeputyId, x.InquiryId }).Distinct().ToListAsync()).Count;
        pairs.ShouldBeGreaterThan(0);
        var (restored, second, after) = await app.RebuildKindTwiceAsync(DutyKinds.InquiryQuestion);
        (restored, second, after).ShouldBe((pairs, 0, pairs));
    }

    [Fact]
    public async Task The_inquiry_page_offers_the_deputies_as_askers_and_marks_a_deputys_question()
    {
        var (staff, inquiry) = await InquiryAsync("关于农牧区教育质量的专题询问（页面）");
        var deputy = (await app.DeputiesAsync(204, 1))[0];
        await staff.PostJsonAsync(Questions(inquiry), Ask(deputy.Id)).CreatedAsync();
        var r = await (await app.BrowserClientAsync("daigongwei")).GetAsync($"/supervision/inquiries/{inquiry}");
        var html = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain($"<option value=\"{deputy.Id}\">{deputy.Name}</option>");
        html.ShouldContain("title=\"已记入该代表的履职档案\"");
    }
}

public sealed class InquiryArchiveTests_Sqlite(SqliteApp app) : InquiryArchiveTests(app), IClassFixture<SqliteApp>;
public sealed class InquiryArchiveTests_Postgres(PostgresApp app) : InquiryArchiveTests(app), IClassFixture<PostgresApp>;
