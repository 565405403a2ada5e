using System.Linq.Expressions;

namespace Renda.Web.Platform.People;

/// <summary>A deputy as lists and the API show it. IdNumber and Phone are masked unless the viewer may see them.</summary>
public sealed record DeputyView(
    int Id, int PersonId, string Name, Gender Gender, string GenderLabel, string? Ethnicity, string? Party, string? Occupation,
    string? Delegation, string? ElectoralUnit, string? DeputyGroup, int Term, DeputyStatus Status, string StatusLabel, DateOnly? StatusChangedOn,
    string? IdNumber, string? Phone, bool PersonalDataMasked);

/// <summary>Another congress in which the same person holds a mandate: its name only, never its data.</summary>
public sealed record MandateView(string CongressCode, string CongressName);

public sealed record DeputyDetailView(DeputyView Deputy, string CongressCode, string CongressName, string? BirthDate, IReadOnlyList<MandateView> OtherMandates);

/// <summary>List filters; Sort is name, delegation or status, with a leading "-" for descending.</summary>
public sealed record DeputyFilter(string? Q = null, string? Delegation = null, DeputyStatus? Status = null, Gender? Gender = null, string? Ethnicity = null, int? Term = null, string? Sort = null);

/// <summary>The deputies register: who may read it, how it is listed, and the masking of personal data.</summary>
public static class Deputies
{
    /// <summary>Roles that may read the register of their own congress.</summary>
    public static readonly string[] ReaderRoles = [nameof(Role.CommitteeStaff), nameof(Role.ChairpersonsCouncilMember), nameof(Role.SystemAdministrator)];

    public static bool MayRead(CurrentUser user) => ReaderRoles.Any(r => user.Principal.IsInRole(r));

    /// <summary>Full ID and phone numbers: staff of the committee that keeps the records, or the deputy themself.</summary>
    public static bool SeesPersonalDataOf(CurrentUser user, int personId) => user.SeesPersonalData || user.PersonId == personId;

    public static async Task<Page<DeputyView>> ListAsync(RendaDbContext db, CurrentUser user, int congressId, DeputyFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var query = db.Deputies.AsNoTracking().Where(d => d.CongressId == congressId);
        if (filter.Q is { Length: > 0 } q) query = query.Where(d => d.Person!.Name.Contains(q.Trim()));
        if (filter.Delegation is { Length: > 0 } delegation) query = query.Where(d => d.Delegation == delegation);
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        if (filter.Gender is { } gender) query = query.Where(d => d.Person!.Gender == gender);
        if (filter.Ethnicity is { Length: > 0 } ethnicity) query = query.Where(d => d.Person!.Ethnicity == ethnicity);
        if (filter.Term is { } term) query = query.Where(d => d.Term!.Number == term);
        var rows = await Sorted(query, filter.Sort).Select(Projection).ToPageAsync(page, pageSize, ct);
        return new Page<DeputyView>(rows.Items.Select(r => r.ToView(user)).ToList(), rows.PageNumber, rows.PageSize, rows.Total);
    }

    /// <summary>One deputy of the user's own congress, for readers of the register and for the deputy themself.</summary>
    public static async Task<DeputyDetailView> DetailAsync(RendaDbContext db, CurrentUser user, int id, CancellationToken ct = default)
    {
        var row = await db.Deputies.AsNoTracking().Where(d => d.Id == id).Select(Projection).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("代表不存在。");
        EnsureMayRead(user, row.CongressId, row.PersonId);
        var congress = await db.Congresses.AsNoTracking().FirstAsync(c => c.Id == row.CongressId, ct);
        // Only which congresses: the other congress's record of this person is its own business.
        var others = await db.Deputies.AsNoTracking().Where(d => d.PersonId == row.PersonId && d.CongressId != row.CongressId)
            .Select(d => new { d.Congress!.Code, d.Congress.ShortName }).Distinct().OrderBy(c => c.Code).ToListAsync(ct);
        var birth = row.BirthDate is not { } b ? null : SeesPersonalDataOf(user, row.PersonId) ? b.ToString("yyyy-MM-dd") : b.ToString("yyyy-MM");
        return new DeputyDetailView(row.ToView(user), congress.Code, CongressName(congress.ShortName), birth,
            others.Select(o => new MandateView(o.Code, CongressName(o.ShortName))).ToList());
    }

    public static void EnsureMayRead(CurrentUser user, int congressId, int personId)
    {
        if (congressId != user.CongressId)
            throw DomainException.Forbidden("只能查看本级人大的代表。");
        if (!MayRead(user) && user.PersonId != personId)
            throw DomainException.Forbidden("无权查看该代表的信息。");
    }

    /// <summary>Ends a serving deputy's mandate (resigned, recalled, terminated); staff of the deputy's congress only.</summary>
    public static async Task<Deputy> ChangeStatusAsync(RendaDbContext db, CurrentUser user, int id, DeputyStatus to, DateOnly on, CancellationToken ct = default)
    {
        var deputy = await db.Deputies.Include(d => d.Term).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("代表不存在。");
        if (deputy.CongressId != user.CongressId || !user.Has(Role.CommitteeStaff))
            throw DomainException.Forbidden("只有本级人大常委会工作人员可以变更代表状态。");
        deputy.ChangeStatus(to, on, Today(db));
        await db.SaveChangesAsync(ct);
        return deputy;
    }

    /// <summary>"Today" in Beijing: dates in the register are local dates.</summary>
    public static DateOnly Today(RendaDbContext db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    public static string CongressName(string shortName) => shortName + "人民代表大会";

    private static IQueryable<Deputy> Sorted(IQueryable<Deputy> query, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var ordered = (sort?.TrimStart('-') ?? "") switch
        {
            "" => query.OrderBy(d => d.Id),
            "name" => By(query, d => d.Person!.Name, descending),
            "delegation" => By(query, d => d.Delegation ?? d.ElectoralUnit, descending),
            // In the order of the state machine, not alphabetically by the stored enum name.
            "status" => By(query, d => d.Status == DeputyStatus.Serving ? 0 : d.Status == DeputyStatus.Resigned ? 1 : d.Status == DeputyStatus.Recalled ? 2 : 3, descending),
            _ => throw DomainException.Invalid("sort", "排序字段只能是 name、delegation 或 status（前加 - 表示倒序）。"),
        };
        // A unique tiebreak keeps paging stable.
        return ordered.ThenBy(d => d.Id);
    }

    private static IOrderedQueryable<Deputy> By<TKey>(IQueryable<Deputy> query, Expression<Func<Deputy, TKey>> key, bool descending)
        => descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static readonly Expression<Func<Deputy, Row>> Projection = d => new Row(
        d.Id, d.PersonId, d.CongressId, d.Person!.Name, d.Person.Gender, d.Person.Ethnicity, d.Person.Party, d.Person.Occupation, d.Person.BirthDate,
        d.Delegation, d.ElectoralUnit, d.DeputyGroup, d.Term!.Number, d.Status, d.StatusChangedOn, d.Person.IdNumber, d.Person.Phone);

    private sealed record Row(
        int Id, int PersonId, int CongressId, string Name, Gender Gender, string? Ethnicity, string? Party, string? Occupation, DateOnly? BirthDate,
        string? Delegation, string? ElectoralUnit, string? DeputyGroup, int Term, DeputyStatus Status, DateOnly? StatusChangedOn, string? IdNumber, string? Phone)
    {
        public DeputyView ToView(CurrentUser user)
        {
            var sees = SeesPersonalDataOf(user, PersonId);
            return new DeputyView(Id, PersonId, Name, Gender, Gender.Label(), Ethnicity, Party, Occupation, Delegation, ElectoralUnit, DeputyGroup, Term,
                Status, Status.Label(), StatusChangedOn,
                sees ? IdNumber : PersonalData.MaskIdNumber(IdNumber), sees ? Phone : PersonalData.MaskPhone(Phone), !sees);
        }
    }
}
