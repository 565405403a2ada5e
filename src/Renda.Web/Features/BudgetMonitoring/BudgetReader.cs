namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// What one reader may see of one congress's budget data (issue 17 parts 6 and 7):
/// <list type="bullet">
/// <item>the congress's staff and council: everything, payees' names in full;</item>
/// <item>its deputies and standing-committee members: every figure, warning and payment, an individual payee's name masked;</item>
/// <item>a budget unit's officer (an account of the handling unit the finance bureau's unit is linked to): the figures and
/// payments of their own unit(s) only, names masked — a unit sees its own books, not its neighbours';</item>
/// <item>the staff of a congress above (Congress.ParentId, any number of levels): the execution summaries (by unit, by month)
/// and the warning counts, never a payment row.</item>
/// </list>
/// Anyone else (another congress's deputies, an unlinked officer, anonymous) sees nothing.
/// </summary>
public sealed record BudgetReader(int CongressId, string CongressName, bool Below, bool SeesNames, IReadOnlyList<int>? UnitIds)
{
    public const string RowsRefused = "上级人大只能查看下级人大的执行汇总和预警统计，不能查看支付明细。";

    /// <summary>The drill-down and the payment detail: refused to a congress above (403 with the reason).</summary>
    public void RequirePaymentRows()
    {
        if (Below) throw DomainException.Forbidden(RowsRefused);
    }

    /// <summary>Only what the page or API may show to a reader from above: summaries. Anything else is refused.</summary>
    public void RequireOwn(string what)
    {
        if (Below) throw DomainException.Forbidden($"上级人大只能查看下级人大的执行汇总和预警统计，不能查看{what}。");
    }

    public bool SeesUnit(int unitId) => UnitIds is null || UnitIds.Contains(unitId);

    /// <summary>张三 → 张**: an individual's name for anyone but the congress's own staff; a unit's name is public.</summary>
    public string Payee(string name, PayeeKind kind) => SeesNames || kind != PayeeKind.Individual ? name : Mask(name);

    public static string Mask(string name) => name.Length == 0 ? name : $"{char.ConvertFromUtf32(char.ConvertToUtf32(name, 0))}**";

    /// <summary>
    /// The reader of <paramref name="congressCode"/>'s data (null: the actor's own congress), or a refusal: 403 for a congress
    /// the actor may not read, 404 for none.
    /// </summary>
    public static async Task<BudgetReader> ForAsync(RendaDbContext db, BudgetActor actor, string? congressCode, CancellationToken ct)
    {
        var congresses = await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.Code, c.ShortName, c.ParentId }).ToListAsync(ct);
        var target = congressCode is { Length: > 0 }
            ? congresses.FirstOrDefault(c => c.Code == congressCode) ?? throw DomainException.NotFound($"行政区划代码 {congressCode} 没有对应的人大。")
            : congresses.First(c => c.Id == actor.CongressId);
        var name = $"{target.ShortName}人大常委会";
        if (target.Id == actor.CongressId)
        {
            if (actor.IsStaff || actor.IsCouncil)
                return new BudgetReader(target.Id, name, false, actor.SeesPayeeNames(target.Id), null);
            if (actor.IsMember || actor.IsDeputy)
                return new BudgetReader(target.Id, name, false, false, null);
            if (actor.UnitIds.Count > 0)
            {
                var handling = actor.UnitIds;
                var units = await db.Set<BudgetUnit>().AsNoTracking()
                    .Where(u => u.CongressId == target.Id && u.HandlingUnitId != null && handling.Contains(u.HandlingUnitId.Value)).Select(u => u.Id).ToListAsync(ct);
                if (units.Count > 0)
                    return new BudgetReader(target.Id, name, false, false, units);
            }
            throw DomainException.Forbidden("预算联网监督的数据只向本级人大常委会工作人员、组成人员、人大代表和本单位经办人开放。");
        }
        // A congress above: walk up from the target; the actor's congress must be an ancestor.
        var parent = target.ParentId;
        while (parent is { } p && p != actor.CongressId)
            parent = congresses.FirstOrDefault(c => c.Id == p)?.ParentId;
        if (parent is null)
            throw DomainException.Forbidden("只能查看本级人大和下级人大的预算执行情况。");
        if (!actor.IsStaff && !actor.IsCouncil)
            throw DomainException.Forbidden("下级人大的预算执行汇总只向上级人大常委会工作人员开放。");
        return new BudgetReader(target.Id, name, true, false, null);
    }

    /// <summary>The congresses below the actor's (all levels), for the summary of those below.</summary>
    public static async Task<List<(int Id, string Code, string Name)>> BelowAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var all = await db.Congresses.AsNoTracking().Select(c => new { c.Id, c.Code, c.ShortName, c.ParentId }).ToListAsync(ct);
        var result = new List<(int, string, string)>();
        var frontier = new Queue<int>([congressId]);
        while (frontier.TryDequeue(out var id))
            foreach (var c in all.Where(c => c.ParentId == id).OrderBy(c => c.Code))
            {
                result.Add((c.Id, c.Code, $"{c.ShortName}人大常委会"));
                frontier.Enqueue(c.Id);
            }
        return result;
    }
}
