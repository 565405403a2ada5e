using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Filings;

/// <summary>The organ on whose behalf a filing or a catalogue is submitted.</summary>
public sealed record Filer(FilerType Type, int? HandlingUnitId, int? CongressId, string Name);

/// <summary>
/// Who acts in filing and review: the committee's staff review (法工委 and the offices); the officers of the filing organs
/// (the 一府一委两院 of the same level) and the staff of the standing committees one level below file.
/// </summary>
public sealed record FilingActor : Actor
{
    public FilingActor(CurrentUser user) : base(user) => Name = user.UserName;

    /// <summary>The account's name, as the communication log records who wrote an entry.</summary>
    public string? Name { get; }

    public bool MayRead(int congressId) => congressId == CongressId && (IsStaff || IsCouncil);

    public void RequireStaff(int congressId)
    {
        const string refusal = "只有本级人大常委会工作人员可以办理备案审查。";
        if (congressId != CongressId) throw DomainException.Forbidden(refusal);
        RequireStaff(refusal);
    }

    /// <summary>The filer's own record: its handling unit's, or its standing committee's when it is the congress below.</summary>
    public bool IsFiler(int? filerHandlingUnitId, int? filerCongressId)
        => (filerHandlingUnitId is { } u && UnitIds.Contains(u)) || (IsStaff && filerCongressId == CongressId);

    /// <summary>
    /// The filer this account files for with the given congress, or null: an officer of the people's government,
    /// supervisory commission, court or procuratorate of that congress; or staff of a standing committee directly below it.
    /// </summary>
    public async Task<Filer?> FilerForAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        if (UnitIds.Count > 0)
        {
            var unit = await db.HandlingUnits.AsNoTracking().Where(u => UnitIds.Contains(u.Id) && u.CongressId == congressId && u.Active
                    && (u.Kind == HandlingUnitKind.Government || u.Kind == HandlingUnitKind.SupervisoryCommission || u.Kind == HandlingUnitKind.Court || u.Kind == HandlingUnitKind.Procuratorate))
                .OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
            if (unit is not null)
                return new Filer(unit.Kind switch
                {
                    HandlingUnitKind.SupervisoryCommission => FilerType.SupervisoryCommission,
                    HandlingUnitKind.Court => FilerType.Court,
                    HandlingUnitKind.Procuratorate => FilerType.Procuratorate,
                    _ => FilerType.Government,
                }, unit.Id, null, unit.Name);
        }
        if (IsStaff && CongressId != congressId)
        {
            var own = await db.Congresses.AsNoTracking().FirstAsync(c => c.Id == CongressId, ct);
            if (own.ParentId == congressId && own.Level != RegionLevel.Township)
                return new Filer(FilerType.LowerCongress, null, own.Id, own.StandingCommitteeName);
        }
        return null;
    }

    public async Task<Filer> RequireFilerAsync(RendaDbContext db, Congress congress, CancellationToken ct)
        => await FilerForAsync(db, congress.Id, ct)
            ?? throw DomainException.Forbidden($"本账号所属机关不是向{congress.StandingCommitteeName}报备的机关（同级人民政府、监察委员会、人民法院、人民检察院或下一级人大常委会）。");

    /// <summary>May this account see the filing: staff of the receiving congress, or its own filer.</summary>
    public bool MaySee(Filing f) => MayRead(f.CongressId) || IsFiler(f.FilerHandlingUnitId, f.FilerCongressId);
}
