using Microsoft.EntityFrameworkCore;
using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;

namespace Renda.Tests.Features.Deputies;

/// <summary>Corrections of the archive: the deputy asks, staff decide with a reason, the archive changes; nobody corrects another's archive.</summary>
public abstract class DutyCorrectionTests(RendaApp app)
{
    [Fact]
    public async Task A_missing_record_asked_for_and_accepted_appears_in_the_archive_with_its_source()
    {
        var deputy = await app.DeputyAsync();
        var deputyId = await app.DemoDeputyIdAsync();
        var request = await deputy.TryRequestCorrectionAsync(deputyId, new
        {
            kind = DutyKinds.DeputyInspection, on = "2026-09-08", title = "参加州人大组织的盐湖资源综合利用视察", reason = "当日随州人大常委会视察组参加视察，档案漏记。",
        }).CreatedAsync();
        request.Str("statusLabel").ShouldBe("待处理");
        var staff = await app.StaffAsync();
        (await staff.GetJsonAsync("/api/v1/deputies/corrections?status=Pending")).EnumerateArray().ShouldContain(c => c.Id() == request.Id());
        // A decision needs its reason.
        (await (await staff.PostJsonAsync($"/api/v1/deputies/corrections/{request.Id()}/accept", new { decision = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("decision").ShouldNotBeEmpty();
        await staff.PostJsonAsync($"/api/v1/deputies/corrections/{request.Id()}/accept", new { decision = "经核对视察组名单，予以补录。" }).DoneAsync();

        var added = (await app.RecordsAsync(deputyId)).Single(r => r.SourceType == DutyCorrectionRequest.Subject && r.SourceId == request.Id());
        (added.Kind, added.On, added.Title).ShouldBe((DutyKinds.DeputyInspection, new DateOnly(2026, 9, 8), "参加州人大组织的盐湖资源综合利用视察"));
        (await deputy.GetJsonAsync("/api/v1/deputies/me/archive?year=2026")).GetProperty("records").EnumerateArray().ShouldContain(r => r.Id() == added.Id);
        // Decided once: a second decision is a conflict, and the backfill neither removes nor repeats the corrected record.
        await (await staff.PostJsonAsync($"/api/v1/deputies/corrections/{request.Id()}/reject", new { decision = "重复" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostJsonAsync("/api/v1/deputies/archive/rebuild")).ShouldBeOkJsonAsync();
        (await app.RecordsAsync(deputyId)).Count(r => r.SourceType == DutyCorrectionRequest.Subject && r.SourceId == request.Id()).ShouldBe(1);
        await using var scope = app.Db();
        var audited = request.Id().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await scope.Context.AuditRecords.CountAsync(a => a.EntityType == nameof(DutyCorrectionRequest) && a.EntityId == audited)).ShouldBeGreaterThanOrEqualTo(2, "asked and decided, both audited");
    }

    [Fact]
    public async Task A_correction_of_an_existing_record_changes_its_date_and_a_rejected_one_changes_nothing()
    {
        var deputy = await app.DeputyAsync();
        var deputyId = await app.DemoDeputyIdAsync();
        var record = (await app.RecordsAsync(deputyId)).OrderBy(r => r.Id).First(r => r.SourceType != DutyCorrectionRequest.Subject);
        var staff = await app.StaffAsync();
        var rejected = await deputy.TryRequestCorrectionAsync(deputyId, new { dutyRecordId = record.Id, title = "改一个标题", reason = "标题不准确。" }).CreatedAsync();
        await staff.PostJsonAsync($"/api/v1/deputies/corrections/{rejected.Id()}/reject", new { decision = "标题以会议通知为准。" }).DoneAsync();
        (await app.RecordsAsync(deputyId)).Single(r => r.Id == record.Id).Title.ShouldBe(record.Title);

        var accepted = await deputy.TryRequestCorrectionAsync(deputyId, new { dutyRecordId = record.Id, on = record.On.AddDays(1).Iso(), reason = "实际参加日期为次日。" }).CreatedAsync();
        await staff.PostJsonAsync($"/api/v1/deputies/corrections/{accepted.Id()}/accept", new { decision = "核实无误。" }).DoneAsync();
        (await app.RecordsAsync(deputyId)).Single(r => r.Id == record.Id).On.ShouldBe(record.On.AddDays(1));
    }

    [Fact]
    public async Task A_request_on_someone_elses_archive_or_without_its_fields_is_refused_and_nothing_is_written()
    {
        var (other, otherId) = await app.CreateDeputyAccountAsync("corr-other" + app.Provider, skip: 33);
        var deputyId = await app.DemoDeputyIdAsync();
        var before = await app.CountAsync<DutyCorrectionRequest>();
        await (await other.TryRequestCorrectionAsync(deputyId, new { kind = DutyKinds.Forum, on = "2026-05-01", title = "代表论坛", reason = "漏记" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Staff do not ask on a deputy's behalf either: the request is the deputy's own.
        await (await (await app.StaffAsync()).TryRequestCorrectionAsync(deputyId, new { kind = DutyKinds.Forum, on = "2026-05-01", title = "代表论坛", reason = "漏记" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // A record of another deputy named in one's own request.
        var foreign = (await app.RecordsAsync(deputyId)).First();
        (await (await other.TryRequestCorrectionAsync(otherId, new { dutyRecordId = foreign.Id, title = "x", reason = "y" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("dutyRecordId").ShouldNotBeEmpty();
        (await (await other.TryRequestCorrectionAsync(otherId, new { kind = "打高尔夫", on = "2026-05-01", title = "x", reason = "y" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("kind").ShouldNotBeEmpty();
        (await (await other.TryRequestCorrectionAsync(otherId, new { kind = DutyKinds.Forum, on = "2027-05-01", title = "x", reason = "y" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("on").ShouldNotBeEmpty();
        (await (await other.TryRequestCorrectionAsync(otherId, new { kind = DutyKinds.Forum, on = "2026-05-01", title = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("reason").ShouldNotBeEmpty();
        (await app.CountAsync<DutyCorrectionRequest>()).ShouldBe(before);
    }
}

public sealed class DutyCorrectionTests_Sqlite(SqliteApp app) : DutyCorrectionTests(app), IClassFixture<SqliteApp>;
public sealed class DutyCorrectionTests_Postgres(PostgresApp app) : DutyCorrectionTests(app), IClassFixture<PostgresApp>;
