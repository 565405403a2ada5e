using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Deputies.Admin;

/// <summary>/admin/contact-kinds — the system administrator keeps the congress's 六联系 kinds and their yearly minimums.</summary>
[Authorize(Policy = nameof(Role.SystemAdministrator))]
public class ContactKindsModel(RendaDbContext db) : PageModel
{
    public List<ContactKindView> Kinds { get; private set; } = [];
    public string? Error { get; private set; }
    private DeputyActivitiesActor Actor => new(new CurrentUser(User));

    public async Task OnGetAsync(CancellationToken ct) => Kinds = await DeputyActivitiesQueries.ContactKindsAsync(db, Actor.CongressId, ct);

    public Task<IActionResult> OnPostAddAsync(string? name, ContactorGroup? contactors, int? yearlyMinimum, CancellationToken ct)
        => StepAsync(() => ContactRecordWorkflow.AddKindAsync(db, Actor, new ContactKindInput(name, contactors, yearlyMinimum, true), ct), "已增加。", ct);

    public Task<IActionResult> OnPostUpdateAsync(int id, string? name, ContactorGroup? contactors, int? yearlyMinimum, bool[]? active, CancellationToken ct)
        => StepAsync(() => ContactRecordWorkflow.UpdateKindAsync(db, Actor, id, new ContactKindInput(name, contactors, yearlyMinimum, active?.FirstOrDefault() ?? false), ct), "已保存。", ct);

    private async Task<IActionResult> StepAsync(Func<Task> step, string done, CancellationToken ct)
    {
        try
        {
            await step();
            TempData["Message"] = done;
            return RedirectToPage();
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Invalid)
        {
            Error = e.Message;
            db.ChangeTracker.Clear();
            await OnGetAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
