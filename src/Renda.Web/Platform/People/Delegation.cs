using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.People;

/// <summary>代表团: the deputies a lower congress (or the army) elected to this congress, as one body.</summary>
public class Delegation
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
}

/// <summary>代表小组: deputies grouped for their activities between sessions (usually by place of residence).</summary>
public class DeputyGroup
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
}

/// <summary>
/// Delegations and deputy groups are named on each deputy's row (the roster's 代表团 / 代表小组 columns, kept as text so
/// lists and filters work as before) and exist as entities: a name creates the body the first time it is seen in a
/// congress and matches it afterwards, so the roster import, the demo and migration 0031 all link the same way.
/// </summary>
public static class DeputyBodies
{
    /// <summary>Links every deputy of the congress whose body is named but not yet linked; call inside the writer's transaction.</summary>
    public static async Task LinkAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var unlinked = await db.Deputies.Where(d => d.CongressId == congressId
            && ((d.Delegation != null && d.DelegationId == null) || (d.DeputyGroup != null && d.DeputyGroupId == null))).ToListAsync(ct);
        if (unlinked.Count == 0) return;
        var delegations = await db.Set<Delegation>().Where(x => x.CongressId == congressId).ToDictionaryAsync(x => x.Name, ct);
        var groups = await db.Set<DeputyGroup>().Where(x => x.CongressId == congressId).ToDictionaryAsync(x => x.Name, ct);
        foreach (var name in unlinked.Select(d => d.Delegation).OfType<string>().Distinct().Where(n => !delegations.ContainsKey(n)))
            db.Add(delegations[name] = new Delegation { CongressId = congressId, Name = name });
        foreach (var name in unlinked.Select(d => d.DeputyGroup).OfType<string>().Distinct().Where(n => !groups.ContainsKey(n)))
            db.Add(groups[name] = new DeputyGroup { CongressId = congressId, Name = name });
        await db.SaveChangesAsync(ct);
        foreach (var d in unlinked)
        {
            if (d.Delegation is { } dn) d.DelegationId = delegations[dn].Id;
            if (d.DeputyGroup is { } gn) d.DeputyGroupId = groups[gn].Id;
        }
        await db.SaveChangesAsync(ct);
    }
}
