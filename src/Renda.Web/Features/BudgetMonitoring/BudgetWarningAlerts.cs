using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>On the home page: a unit's officer sees the warnings waiting for the unit's answer; staff the answers waiting for verification.</summary>
public sealed class BudgetWarningAlerts : IHomeAlerts
{
    public async Task<IReadOnlyList<HomeAlert>> ForAsync(RendaDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        var alerts = new List<HomeAlert>();
        var units = user.HandlingUnitIds.ToList();
        if (units.Count > 0)
        {
            var answering = BudgetWarning.Machine.StatesFor(BudgetWarningAction.Answer).ToList();
            var count = await db.Set<BudgetWarning>().CountAsync(w => w.CongressId == congress && answering.Contains(w.Status)
                && w.SentToHandlingUnitId != null && units.Contains(w.SentToHandlingUnitId.Value), ct);
            if (count > 0) alerts.Add(new HomeAlert($"预算联网监督：有 {count} 条预警等待本单位答复", "/budget/warnings/unit", "budget-warnings-to-answer"));
        }
        if (user.Has(Role.CommitteeStaff))
        {
            var verifying = BudgetWarning.Machine.StatesFor(BudgetWarningAction.Accept).ToList();
            var count = await db.Set<BudgetWarning>().CountAsync(w => w.CongressId == congress && verifying.Contains(w.Status), ct);
            if (count > 0) alerts.Add(new HomeAlert($"预算联网监督：有 {count} 条预警答复等待认定", $"/budget/warnings?status={BudgetWarningStatus.Answered}", "budget-warnings-to-verify"));
        }
        return alerts;
    }
}
