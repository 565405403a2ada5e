using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>/budget/payments/{year}/{id} — one payment: voucher, unit, codes, project, indicator document, payee, bank, summary, dates, refunds.</summary>
public class PaymentModel(RendaDbContext db) : BudgetPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int PaymentYear { get; set; }
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public PaymentDetail? Detail { get; private set; }

    protected override async Task ReadAsync(CancellationToken ct)
    {
        var reader = await ReaderAsync(null, ct);
        Detail = await BudgetPayments.DetailAsync(Db, reader, PaymentYear, Id, ct);
    }
}
