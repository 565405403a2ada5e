namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>An applied batch as the list and the API show it.</summary>
public sealed record BudgetBatchView(int Id, BudgetDataKind Kind, string KindLabel, BudgetChannel Channel, string ChannelLabel, string ExternalId, string? FileName,
    int Year, int? Month, string? CorrectsUnit, int RowCount, decimal AmountSum, DateTime ReceivedAt, string? ReceivedBy);

public sealed record BudgetBatchFilter(int? Year, BudgetDataKind? Kind, int? Page, int? PageSize);

/// <summary>Reads of the batches (who sent what, when): the import page's list and GET /api/v1/budget/batches.</summary>
public static class BudgetBatchQueries
{
    public static async Task<Page<BudgetBatchView>> ListAsync(RendaDbContext db, int congressId, BudgetBatchFilter f, CancellationToken ct)
    {
        var q = db.Set<BudgetBatch>().AsNoTracking().Where(b => b.CongressId == congressId);
        if (f.Year is { } y) q = q.Where(b => b.Year == y);
        if (f.Kind is { } k) q = q.Where(b => b.Kind == k);
        var page = await q.OrderByDescending(b => b.Id).ToPageAsync(f.Page, f.PageSize, ct);
        return new Page<BudgetBatchView>(await ViewsAsync(db, page.Items, ct), page.PageNumber, page.PageSize, page.Total);
    }

    public static async Task<BudgetBatchView> ViewAsync(RendaDbContext db, BudgetBatch batch, CancellationToken ct)
        => (await ViewsAsync(db, [batch], ct))[0];

    private static async Task<List<BudgetBatchView>> ViewsAsync(RendaDbContext db, IReadOnlyList<BudgetBatch> batches, CancellationToken ct)
    {
        var accountIds = batches.Where(b => b.AccountId != null).Select(b => b.AccountId!.Value).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        var unitIds = batches.Where(b => b.CorrectsBudgetUnitId != null).Select(b => b.CorrectsBudgetUnitId!.Value).Distinct().ToList();
        var units = await db.Set<BudgetUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return batches.Select(b => new BudgetBatchView(b.Id, b.Kind, BudgetLabels.Of(b.Kind), b.Channel, BudgetLabels.Of(b.Channel), b.ExternalId, b.FileName,
            b.Year, b.Month, b.CorrectsBudgetUnitId is { } u ? units.GetValueOrDefault(u) : null, b.RowCount, b.AmountSum, b.ReceivedAt,
            b.AccountId is { } a ? names.GetValueOrDefault(a) : BudgetLabels.Of(b.Channel))).ToList();
    }
}
