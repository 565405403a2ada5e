using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.People;

/// <summary>
/// An entry of a deputy's duty record (履职档案): what the deputy did, when, and the record it came from
/// (SourceType/SourceId). Modules add entries as the deputy takes part; nobody types them twice.
/// </summary>
public class DutyRecord
{
    public int Id { get; set; }
    public int DeputyId { get; set; }
    public DateOnly On { get; set; }
    /// <summary>列席常委会会议, 参加执法检查 …</summary>
    [MaxLength(30)] public required string Kind { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    [MaxLength(50)] public required string SourceType { get; set; }
    public int SourceId { get; set; }
}

/// <summary>
/// The kinds of duty record, as stored in <see cref="DutyRecord.Kind"/> (the Chinese label the archive shows). Every module
/// writes one of these, so the archive, the points scheme and the statistics count one list.
/// </summary>
public static class DutyKinds
{
    public const string MeetingAttendance = "列席常委会会议";
    public const string MeetingAbsence = "请假缺席会议";
    public const string Inspection = "参加执法检查";
    public const string DeputyInspection = "参加代表视察";
    public const string Survey = "参加专题调研";
    /// <summary>A question the deputy asked at a special inquiry (one record per inquiry, however many questions).</summary>
    public const string InquiryQuestion = "专题询问发言";
    public const string Interpellation = "参与质询";
    public const string DraftComment = "对法规草案提出意见";
    public const string SuggestionLead = "领衔提出建议";
    public const string SuggestionCoSigner = "附议建议";
    public const string LivelihoodBallot = "参加民生实事票决";
    public const string Reception = "接待群众";
    public const string OpinionHandled = "办理群众意见";
    public const string Training = "参加履职培训";
    public const string Forum = "参加代表论坛";
    public const string Contact = "联系群众和代表";
    public const string JointInspection = "参加四级代表集中视察";
    /// <summary>Took part in a legislative contact point's consultation on a draft (one record per bill).</summary>
    public const string ContactPointConsultation = "基层立法联系点征求意见";
    public const string DutyReport = "向选民述职";

    public static readonly IReadOnlyList<string> All = [MeetingAttendance, MeetingAbsence, Inspection, DeputyInspection, Survey, InquiryQuestion,
        Interpellation, DraftComment, SuggestionLead, SuggestionCoSigner, LivelihoodBallot, Reception, OpinionHandled, Training, Forum,
        Contact, JointInspection, ContactPointConsultation, DutyReport];
}

public sealed record DutyRecordView(int Id, DateOnly On, string Kind, string Title, string SourceType, int SourceId);

public static class DutyRecords
{
    /// <summary>
    /// Adds the entries the deputies do not have yet for this kind and source — tracked in this save or stored — so a step
    /// taken twice (a second comment on the same bill) or a backfill run again never counts one act twice. The table's unique
    /// index (DeputyId, Kind, SourceType, SourceId) is the last guard.
    /// </summary>
    public static async Task AddAsync(Data.RendaDbContext db, IEnumerable<int> deputyIds, DateOnly on, string kind, string title, string sourceType, int sourceId, CancellationToken ct = default)
    {
        var wanted = deputyIds.Distinct().ToList();
        if (wanted.Count == 0) return;
        var stored = await db.Set<DutyRecord>().Where(r => r.SourceType == sourceType && r.SourceId == sourceId && r.Kind == kind && wanted.Contains(r.DeputyId))
            .Select(r => r.DeputyId).ToListAsync(ct);
        var tracked = db.ChangeTracker.Entries<DutyRecord>().Where(e => e.State != EntityState.Deleted && e.Entity.SourceType == sourceType && e.Entity.SourceId == sourceId && e.Entity.Kind == kind)
            .Select(e => e.Entity.DeputyId);
        var have = stored.Concat(tracked).ToHashSet();
        var shortTitle = title.Length > 300 ? title[..300] : title;
        foreach (var deputyId in wanted.Where(d => !have.Contains(d)))
            db.Add(new DutyRecord { DeputyId = deputyId, On = on, Kind = kind, Title = shortTitle, SourceType = sourceType, SourceId = sourceId });
    }

    /// <summary>The serving deputies of the congress held by these people (a member who is also a deputy), by person.</summary>
    public static async Task<List<int>> DeputiesOfPeopleAsync(Data.RendaDbContext db, int congressId, IReadOnlyCollection<int> personIds, CancellationToken ct = default)
        => await db.Deputies.Where(d => d.CongressId == congressId && personIds.Contains(d.PersonId) && d.Status == DeputyStatus.Serving).Select(d => d.Id).ToListAsync(ct);

    /// <summary>A deputy's duty record, for the congress's staff and for the deputy.</summary>
    public static async Task<List<DutyRecordView>> ForDeputyAsync(Data.RendaDbContext db, Identity.CurrentUser user, int deputyId, CancellationToken ct = default)
    {
        var deputy = await db.Deputies.AsNoTracking().Where(d => d.Id == deputyId).Select(d => new { d.CongressId, d.PersonId }).FirstOrDefaultAsync(ct);
        var staff = user.Has(Identity.Role.CommitteeStaff) || user.Has(Identity.Role.ChairpersonsCouncilMember);
        if (deputy is null || deputy.CongressId != user.CongressId || !(staff || deputy.PersonId == user.PersonId))
            throw Web.DomainException.NotFound("没有找到该代表。");
        return await db.Set<DutyRecord>().AsNoTracking().Where(r => r.DeputyId == deputyId).OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
            .Select(r => new DutyRecordView(r.Id, r.On, r.Kind, r.Title, r.SourceType, r.SourceId)).ToListAsync(ct);
    }
}
