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

public sealed record DutyRecordView(int Id, DateOnly On, string Kind, string Title, string SourceType, int SourceId);

public static class DutyRecords
{
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
