using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages.Warnings;

/// <summary>/budget/warnings/{id}/payments/{paymentId} — one payment behind a warning, for whoever may see the warning.</summary>
public class PaymentModel(RendaDbContext db) : WarningPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public long PaymentId { get; set; }
    public WarningPayment P { get; private set; } = null!;
    protected override bool MayOpen => Actor.IsStaff || Actor.UnitIds.Count > 0;

    protected override async Task LoadAsync(CancellationToken ct) => P = await BudgetWarningQueries.PaymentAsync(Db, Actor, Id, PaymentId, ct);
}
