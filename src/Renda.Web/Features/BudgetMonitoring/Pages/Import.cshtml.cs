using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.BudgetMonitoring.Pages;

/// <summary>Staff upload a batch (indicators, payments or debt) as CSV or XLSX and see what was applied, or every wrong row; below, the batches so far.</summary>
[RequestSizeLimit(BudgetImportApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = BudgetImportApi.MaxRequestBytes)]
public class ImportModel(RendaDbContext db, WorkCalendar calendar) : WorkflowPageModel<BudgetActor>(db)
{
    public override BudgetActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => Actor.IsStaff;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public int? Year { get; set; }
    public BudgetImportOutcome? Outcome { get; private set; }
    public BudgetBatchView? Imported { get; private set; }
    public string? Refusal { get; private set; }
    public Page<BudgetBatchView> Batches { get; private set; } = new([], 1, 20, 0);
    public int MaxMegabytes { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        MaxMegabytes = (await Settings.ForAsync<BudgetSettings>(Db, Actor.CongressId, ct)).MaxUploadMegabytes;
        Batches = await BudgetBatchQueries.ListAsync(Db, Actor.CongressId, new BudgetBatchFilter(null, null, PageNumber, 20), ct);
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "File")] IFormFile? file, CancellationToken ct)
    {
        if (!MayOpen) return Forbid();
        await LoadAsync(ct);
        try
        {
            var kind = BudgetImportApi.ParseKind(Kind);
            if (file is null || file.Length == 0)
                throw DomainException.Invalid("file", file is null ? "请选择要导入的 CSV 或 XLSX 文件。" : "文件为空。");
            if (file.Length > MaxMegabytes * 1024L * 1024)
                throw DomainException.Invalid("file", BudgetImportApi.TooLarge(MaxMegabytes));
            Outcome = await BudgetUploads.ImportAsync(Db, calendar, Actor, kind, file, Year, ct);
            if (Outcome.Succeeded)
                Imported = await BudgetBatchQueries.ViewAsync(Db, Outcome.Batch!, ct);
            else
                Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.Invalid or DomainErrorKind.Conflict)
        {
            Refusal = e.Message;
            Response.StatusCode = e.Kind == DomainErrorKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        }
        await LoadAsync(ct);
        return Page();
    }
}
