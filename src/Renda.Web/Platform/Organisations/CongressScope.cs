namespace Renda.Web.Platform.Organisations;

/// <summary>
/// The visibility rule: a user works in their own congress only; an upper congress sees the
/// statistics (never the personal data) of the congresses below it (省州县乡四级联动).
/// </summary>
public static class CongressScope
{
    /// <summary>The congress by code if it is the user's own; otherwise 403 (or 404 if no such congress).</summary>
    public static async Task<Congress> OwnAsync(RendaDbContext db, CurrentUser user, string code, CancellationToken ct = default)
    {
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
            ?? throw DomainException.NotFound($"行政区划代码 {code} 没有对应的人大。");
        if (congress.Id != user.CongressId)
            throw DomainException.Forbidden("只能查看和办理本级人大的数据。");
        return congress;
    }

    /// <summary>OwnAsync for handlers that need only the check: the user's own congress code is in the sign-in, so the usual case costs no query.</summary>
    public static Task RequireOwnAsync(RendaDbContext db, CurrentUser user, string code, CancellationToken ct = default)
        => user.CongressId is not null && user.CongressCode == code ? Task.CompletedTask : OwnAsync(db, user, code, ct);

    /// <summary>The congress by code if it is the user's own or one below it: for statistics only.</summary>
    public static async Task<Congress> OwnOrBelowAsync(RendaDbContext db, CurrentUser user, string code, CancellationToken ct = default)
    {
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
            ?? throw DomainException.NotFound($"行政区划代码 {code} 没有对应的人大。");
        var parents = await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        for (int? id = congress.Id; id is not null; id = parents.GetValueOrDefault(id.Value))
            if (id == user.CongressId)
                return congress;
        throw DomainException.Forbidden("只能查看本级及下级人大的统计数据。");
    }

    /// <summary>The ids of a congress and all congresses below it.</summary>
    public static async Task<List<int>> SubtreeAsync(RendaDbContext db, int congressId, CancellationToken ct = default)
    {
        var all = await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(ct);
        var result = new List<int> { congressId };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(all.Where(c => c.ParentId == result[i]).Select(c => c.Id));
        return result;
    }
}
