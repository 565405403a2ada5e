using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// Who keeps trainings, forums, 六联系 and joint inspections: the committee's staff record them, the chairpersons' council
/// reads them. Deputies see theirs in the duty archive.
/// </summary>
public sealed record DeputyActivitiesActor : Actor
{
    public DeputyActivitiesActor(CurrentUser user) : base(user)
    {
        IsAdministrator = user.Has(Role.SystemAdministrator);
    }

    /// <summary>The system administrator keeps the congress's list of 六联系 kinds, as its other rules.</summary>
    public bool IsAdministrator { get; }

    public bool MayRead => IsStaff || IsCouncil;

    public void RequireReader()
    {
        if (!MayRead) throw DomainException.Forbidden("只有常委会工作人员和主任会议组成人员可以查看代表活动记录。");
    }
}

/// <summary>A deputy who may take part in an activity organised by a congress: one of its line of the tree.</summary>
public sealed record TreeDeputy(int Id, int PersonId, string Name, int CongressId, string CongressName, RegionLevel Level);

/// <summary>
/// The congresses whose deputies may take part in what a congress organises: the congress, those above it and those below it
/// (a Haixi training has provincial, prefectural, county and township deputies; a Golmud one never has Delingha's).
/// </summary>
public static class CongressLine
{
    public static async Task<Dictionary<int, Congress>> OfAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var all = await db.Congresses.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var line = new Dictionary<int, Congress>();
        for (int? id = congressId; id is { } i && all.TryGetValue(i, out var c); id = c.ParentId)
            line[i] = c;
        var below = new List<int> { congressId };
        for (var k = 0; k < below.Count; k++)
            foreach (var child in all.Values.Where(c => c.ParentId == below[k]))
            {
                below.Add(child.Id);
                line[child.Id] = child;
            }
        return line;
    }

    /// <summary>The serving deputies by id, all of them in the line of the organising congress, or a refusal naming the field.</summary>
    public static async Task<List<TreeDeputy>> DeputiesAsync(RendaDbContext db, int congressId, IReadOnlyCollection<int> ids, string field, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        if (ids.Count > 2000) throw DomainException.Invalid(field, "一次最多 2000 名代表。");
        var line = await OfAsync(db, congressId, ct);
        var found = await db.Deputies.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.PersonId, d.Person!.Name, d.CongressId, d.Status }).ToListAsync(ct);
        foreach (var id in ids)
        {
            var d = found.FirstOrDefault(x => x.Id == id) ?? throw DomainException.Invalid(field, $"没有编号为 {id} 的代表。");
            if (!line.ContainsKey(d.CongressId))
                throw DomainException.Invalid(field, $"代表“{d.Name}”不属于本级人大及其上下级人大，不能参加。");
            if (d.Status != DeputyStatus.Serving)
                throw DomainException.Invalid(field, $"代表“{d.Name}”已不在任。");
        }
        return found.Select(d => new TreeDeputy(d.Id, d.PersonId, d.Name, d.CongressId, line[d.CongressId].ShortName, line[d.CongressId].Level)).ToList();
    }
}
