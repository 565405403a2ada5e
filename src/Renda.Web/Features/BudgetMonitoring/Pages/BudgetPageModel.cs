using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>
/// The read-only pages of budget analysis. Who may read what is decided by BudgetReader for each request (own congress, own
/// unit, a congress below); a refusal is shown on the page with its reason and status 403, so that a member of the congress
/// above who follows a link to payment rows learns why.
/// </summary>
public abstract class BudgetPageModel(RendaDbContext db) : WorkflowPageModel<BudgetActor>(db)
{
    public override BudgetActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => true;
    public BudgetReader? Reader { get; private set; }

    protected abstract Task ReadAsync(CancellationToken ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            await ReadAsync(ct);
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.Forbidden or DomainErrorKind.Invalid)
        {
            RefuseWith(e);
        }
    }

    protected async Task<BudgetReader> ReaderAsync(string? congress, CancellationToken ct) => Reader = await BudgetReader.ForAsync(Db, Actor, congress, ct);

    private void RefuseWith(DomainException e)
    {
        SetError(e.Message);
        Response.StatusCode = e.Kind == DomainErrorKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
    }

    public string? Refusal { get; private set; }
    private void SetError(string message) => Refusal = message;

    public static string Money(object? v) => v is decimal d ? d.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) : "";
    public static string Pct(object? v) => v is decimal d ? d.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
