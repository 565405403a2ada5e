using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Supervision;

public sealed record AppraisalResult(string Choice, int Count);
public sealed record ReviewInput(int AppointmentId, int? MeetingId, bool WrittenReport, string? PerformanceReport);

/// <summary>
/// 任后监督: an official the standing committee appointed reports on their performance; the members seated on the day appraise
/// by secret ballot. As Voting does, the fact that a member appraised (AppraisalReceipt, unique per member and review) and the
/// choice (AppraisalPaper, random key, no member) are two unlinked rows written in one transaction.
/// </summary>
public static class AppraisalWorkflow
{
    public static async Task<PostAppointmentReview> LoadAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var r = await db.Set<PostAppointmentReview>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || r.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该任后监督事项。");
        return r;
    }

    public static async Task<PostAppointmentReview> CreateAsync(RendaDbContext db, SupervisionActor actor, ReviewInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var a = await db.Set<Appointment>().FirstOrDefaultAsync(x => x.Id == input.AppointmentId && x.CongressId == actor.CongressId, ct);
        if (a is null || a.Status != AppointmentStatus.Approved || !Appointment.TakesOath(a.Kind))
            throw DomainException.Invalid("appointmentId", "任后监督的对象须是本级常委会任命（选举）并已通过的人员。");
        var year = WorkCalendar.Today(db.Clock).Year;
        if (input.MeetingId is { } m)
        {
            var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(x => x.Id == m && x.CongressId == actor.CongressId, ct) ?? throw DomainException.Invalid("meetingId", "会议不存在。");
            year = meeting.StartsOn.Year;
        }
        if (await db.Set<PostAppointmentReview>().AnyAsync(x => x.AppointmentId == a.Id && x.Year == year, ct))
            throw DomainException.Conflict($"{a.PersonName}{year}年度的履职报告已安排。");
        var r = new PostAppointmentReview
        {
            CongressId = actor.CongressId, Year = year, AppointmentId = a.Id, OfficialName = a.PersonName, Post = a.Post, MeetingId = input.MeetingId, WrittenReport = input.WrittenReport,
            PerformanceReport = Text.Optional("performanceReport", input.PerformanceReport, "履职情况报告", 50_000), CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(r);
        await db.SaveUniqueAsync($"{a.PersonName}{year}年度的履职报告已安排。", ct);
        return r;
    }

    public static async Task ReportAsync(RendaDbContext db, SupervisionActor actor, int id, string? text, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        r.WriteReport(Text.Required("text", text, "履职情况报告", 50_000));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens the appraisal with the configured choices; the members seated on the meeting's first day (or today) may appraise.</summary>
    public static async Task OpenAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        var settings = await Settings.ForAsync<SupervisionSettings>(db, r.CongressId, ct);
        var on = r.MeetingId is { } m ? await db.Set<Meeting>().Where(x => x.Id == m).Select(x => x.StartsOn).FirstAsync(ct) : WorkCalendar.Today(db.Clock);
        r.Open(settings.AppraisalChoiceList, on);
        await db.SaveChangesAsync(ct);
    }

    public static async Task CastAsync(RendaDbContext db, SupervisionActor actor, int id, string? choice, CancellationToken ct)
    {
        var personId = actor.PersonId ?? throw DomainException.Forbidden("只有常委会组成人员可以参加测评。");
        var r = await LoadAsync(db, actor, id, ct);
        var value = r.RequireChoice(choice);
        var day = r.AppraisalOn!.Value;
        if (!await db.StandingCommitteeMembers.AnyAsync(m => m.CongressId == r.CongressId && m.PersonId == personId && m.SeatedOn <= day && (m.LeftOn == null || m.LeftOn > day), ct))
            throw DomainException.Forbidden("您不是测评之日在任的常委会组成人员，不能参加测评。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new AppraisalReceipt { ReviewId = r.Id, PersonId = personId, At = db.Clock.GetUtcNow().UtcDateTime });
        db.Add(new AppraisalPaper { Id = Guid.NewGuid(), ReviewId = r.Id, Choice = value });
        await db.SaveUniqueAsync("您已对该人员进行测评，不能重复测评。", ct);
        await tx.CommitAsync(ct);
    }

    public static async Task CloseAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        // Receipts and papers are not audited one by one (a paper next to its member's name in the trail would undo the
        // secrecy; decision 0017): closing seals them with a digest that goes into the audit chain.
        var receipts = await db.Set<AppraisalReceipt>().AsNoTracking().Where(x => x.ReviewId == r.Id).Select(x => x.PersonId).ToListAsync(ct);
        var papers = await db.Set<AppraisalPaper>().AsNoTracking().Where(x => x.ReviewId == r.Id).Select(x => x.Choice).ToListAsync(ct);
        r.Close(Digest(r.Id, receipts, papers));
        await db.SaveChangesAsync(ct);
    }

    public static string Digest(int reviewId, IEnumerable<int> receipts, IEnumerable<string> papers)
    {
        var sb = new System.Text.StringBuilder().Append("appraisal:").Append(reviewId).Append('\n');
        foreach (var p in receipts.Order()) sb.Append(p).Append('\n');
        foreach (var c in papers.Order(StringComparer.Ordinal)) sb.Append("paper:").Append(c).Append('\n');
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The count per choice (in the order offered), shown once the appraisal is closed.</summary>
    public static async Task<List<AppraisalResult>> ResultsAsync(RendaDbContext db, PostAppointmentReview r, CancellationToken ct)
    {
        var counts = await db.Set<AppraisalPaper>().Where(p => p.ReviewId == r.Id).GroupBy(p => p.Choice).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return r.ChoiceList.Select(c => new AppraisalResult(c, counts.FirstOrDefault(x => x.Key == c)?.N ?? 0)).ToList();
    }
}
