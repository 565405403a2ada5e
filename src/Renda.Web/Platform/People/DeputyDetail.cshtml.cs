using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Platform.Attachments;

namespace Renda.Web.Platform.People;

/// <summary>
/// One deputy: readers of the register and the deputy themself (Deputies.EnsureMayRead decides);
/// committee staff also change the status and add 履职材料 here.
/// </summary>
public class DeputyDetailModel(RendaDbContext db, AttachmentStore store) : PageModel
{
    public DeputyDetailView Detail { get; private set; } = null!;
    public List<AttachmentView> Attachments { get; private set; } = [];
    public List<DutyRecordView> DutyRecords { get; private set; } = [];
    public bool CanChangeStatus { get; private set; }
    public bool CanAttach { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    [BindProperty] public DeputyStatus NewStatus { get; set; } = DeputyStatus.Resigned;
    [BindProperty] public DateOnly? StatusDate { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        try
        {
            if (StatusDate is not { } date)
                throw DomainException.Invalid("date", "请填写状态变更日期。");
            await Deputies.ChangeStatusAsync(db, new CurrentUser(User), id, NewStatus, date, ct);
            Message = $"状态已变更为“{NewStatus.Label()}”。";
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.Invalid or DomainErrorKind.Conflict)
        {
            Error = e.Message;
        }
        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        var user = new CurrentUser(User);
        try
        {
            DutyRecords = await People.DutyRecords.ForDeputyAsync(db, user, id, ct);
        }
        catch (DomainException)
        {
            // Duty records are for the deputies' committee staff and the deputy; others see the register entry only.
        }
        var ownerId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!await AttachmentAccess.CanAttachAsync(db, user, DeputyAttachments.OwnerType, ownerId))
            return Forbid();
        try
        {
            if (file is null || file.Length == 0)
                throw DomainException.Invalid("file", "请选择要上传的文件。");
            if (file.Length > AttachmentStore.MaxBytes)
                throw DomainException.Invalid("file", AttachmentStore.TooLargeMessage);
            await using var content = file.OpenReadStream();
            var saved = await store.SaveAsync(content, file.FileName, user.CongressId!.Value, DeputyAttachments.OwnerType, ownerId, user.AccountId, ct);
            Message = $"已上传“{saved.FileName}”。";
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Invalid)
        {
            Error = e.Message;
        }
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        var user = new CurrentUser(User);
        try
        {
            Detail = await Deputies.DetailAsync(db, user, id, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Forbidden)
        {
            return Forbid();
        }
        try
        {
            DutyRecords = await People.DutyRecords.ForDeputyAsync(db, user, id, ct);
        }
        catch (DomainException)
        {
            // Duty records are for the deputies' committee staff and the deputy; others see the register entry only.
        }
        var ownerId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Attachments = await AttachmentsApi.ListForOwnerAsync(db, user.CongressId!.Value, DeputyAttachments.OwnerType, ownerId, ct);
        CanAttach = await AttachmentAccess.CanAttachAsync(db, user, DeputyAttachments.OwnerType, ownerId);
        CanChangeStatus = user.Has(Role.CommitteeStaff) && Detail.Deputy.Status == DeputyStatus.Serving;
        StatusDate ??= Deputies.Today(db);
        ViewData["Title"] = Detail.Deputy.Name;
        ViewData["Breadcrumbs"] = Deputies.MayRead(user)
            ? new List<(string Label, string? Href)> { ("代表名册", "/deputies"), (Detail.Deputy.Name, null) }
            : new List<(string Label, string? Href)> { (Detail.Deputy.Name, null) };
        return Page();
    }
}
