using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Audit;

[Authorize(Policy = nameof(Role.AuditAdministrator))]
public class AuditTrailModel(RendaDbContext db, AuditCheckpoints checkpoints) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // Not [BindProperty]: "page" is also Razor Pages' own route value, which would win over the query string.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<AuditRecord> Records { get; private set; } = new([], 1, 50, 0);
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
        => Records = await AuditApi.Filter(db, new CurrentUser(User), Actor, AuditLabels.EntityTypeCode(EntityType), AuditLabels.ActionCode(Action), From, To).ToPageAsync(PageNumber, 50, ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditChain.VerifyAsync(db, checkpoints, ct);
        db.RecordEvent("AuditTrail", null, "verify", Verification.Intact ? AuditOutcome.Success : AuditOutcome.Failure, Verification.Message);
        await db.SaveChangesAsync(ct);
        await OnGetAsync(ct);
    }
}
