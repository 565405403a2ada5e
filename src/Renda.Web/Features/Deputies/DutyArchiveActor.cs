using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// Who acts on the duty archive: committee staff (any deputy's archive, corrections, duty reports), the deputy (their own
/// archive only), the administrator (the points weights). The deputy behind an account is read once, by person and congress.
/// </summary>
public sealed record DutyArchiveActor : Actor
{
    public bool IsAdministrator { get; }

    public DutyArchiveActor(CurrentUser user) : base(user)
    {
        IsAdministrator = user.Has(Role.SystemAdministrator);
    }

    public bool MayReadAll => IsStaff || IsCouncil;

    public void RequireAdministrator()
    {
        if (!IsAdministrator) throw DomainException.Forbidden("只有系统管理员可以设置履职积分规则。");
    }

    /// <summary>The serving deputy of this congress behind the account, or null (an account not linked to a deputy).</summary>
    public async Task<int?> DeputyIdAsync(RendaDbContext db, CancellationToken ct)
        => PersonId is { } p
            ? await db.Deputies.Where(d => d.PersonId == p && d.CongressId == CongressId).OrderBy(d => d.Status == DeputyStatus.Serving ? 0 : 1)
                .ThenByDescending(d => d.TermId).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>A deputy's archive is read by the congress's staff and by the deputy; anyone else — another deputy included — is refused.</summary>
    public async Task RequireMayReadAsync(RendaDbContext db, int deputyId, CancellationToken ct)
    {
        var deputy = await db.Deputies.AsNoTracking().Where(d => d.Id == deputyId).Select(d => new { d.CongressId, d.PersonId }).FirstOrDefaultAsync(ct);
        if (deputy is null || deputy.CongressId != CongressId) throw DomainException.NotFound("没有找到该代表。");
        if (!MayReadAll && deputy.PersonId != PersonId) throw DomainException.Forbidden("只能查看本人的履职档案。");
    }

    /// <summary>Only the deputy may ask for a correction of their own archive.</summary>
    public async Task RequireOwnAsync(RendaDbContext db, int deputyId, CancellationToken ct)
    {
        var deputy = await db.Deputies.AsNoTracking().Where(d => d.Id == deputyId).Select(d => new { d.CongressId, d.PersonId }).FirstOrDefaultAsync(ct);
        if (deputy is null || deputy.CongressId != CongressId) throw DomainException.NotFound("没有找到该代表。");
        if (deputy.PersonId != PersonId || PersonId is null) throw DomainException.Forbidden("只能对本人的履职档案申请更正。");
    }
}
