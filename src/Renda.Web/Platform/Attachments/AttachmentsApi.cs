using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Platform.Attachments;

public sealed record AttachmentView(int Id, string OwnerType, string OwnerId, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string? UploadedBy);

public static class AttachmentsSetup
{
    public static IServiceCollection AddRendaAttachments(this IServiceCollection services, IConfiguration config)
    {
        // Fail at start-up, not at the first upload, when the folder cannot be created.
        AttachmentStore.RootOf(config);
        return services.AddScoped<AttachmentStore>();
    }
}

/// <summary>Upload, list and download of attachments; every call is checked against AttachmentAccess.</summary>
public static class AttachmentsApi
{
    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("附件");
        var group = api.MapGroup("/attachments").RequireAuthorization();
        // Cookie callers are already held to the X-CSRF-TOKEN header (UseApiCsrfProtection); bearer clients need no form token.
        group.MapPost("/", Upload).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithName("Attachments_Upload").WithSummary("上传附件（multipart：file、ownerType、ownerId）")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", List).WithName("Attachments_List").WithSummary("某条记录的附件");
        group.MapGet("/{id:int}", Download).WithName("Attachments_Download").WithSummary("下载附件").ProducesFile("application/octet-stream");
    }

    /// <summary>The attachments of one owner in the user's congress, newest first (for the API and the pages).</summary>
    public static async Task<List<AttachmentView>> ListForOwnerAsync(RendaDbContext db, int congressId, string ownerType, string ownerId, CancellationToken ct = default)
        => await db.Attachments.AsNoTracking()
            .Where(a => a.CongressId == congressId && a.OwnerType == ownerType && a.OwnerId == ownerId)
            .OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.OwnerType, a.OwnerId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt,
                db.Accounts.Where(x => x.Id == a.UploadedByAccountId).Select(x => x.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

    public static AttachmentView View(Attachment a, string? uploadedBy = null)
        => new(a.Id, a.OwnerType, a.OwnerId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, uploadedBy);

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Upload(HttpRequest request, RendaDbContext db, AttachmentStore store, CurrentUserAccessor current, CancellationToken ct)
    {
        var (form, tooLarge) = await UploadedForm.ReadAsync(request, AttachmentStore.TooLargeMessage, ct);
        if (form is null) return tooLarge!;
        var file = form.Files.GetFile("file");
        string ownerType = form["ownerType"].ToString(), ownerId = form["ownerId"].ToString();
        if (file is null)
            throw DomainException.Invalid("file", "请选择要上传的文件。");
        if (ownerType.Length == 0 || ownerId.Length == 0)
            throw DomainException.Invalid(ownerType.Length == 0 ? "ownerType" : "ownerId", "请指明附件所属的记录（ownerType、ownerId）。");
        if (file.Length > AttachmentStore.MaxBytes)
            return UploadedForm.TooLarge(AttachmentStore.TooLargeMessage);
        var user = current.User;
        if (!await AttachmentAccess.CanAttachAsync(db, user, ownerType, ownerId))
            throw DomainException.Forbidden("无权为该记录添加附件。");
        await using var content = file.OpenReadStream();
        var attachment = await store.SaveAsync(content, file.FileName, user.CongressId!.Value, ownerType, ownerId, user.AccountId, ct);
        return TypedResults.Created($"/api/v1/attachments/{attachment.Id}", View(attachment));
    }

    private static async Task<Ok<List<AttachmentView>>> List(string? ownerType, string? ownerId, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ownerType) || string.IsNullOrEmpty(ownerId))
            throw DomainException.Invalid(string.IsNullOrEmpty(ownerType) ? "ownerType" : "ownerId", "请指明附件所属的记录（ownerType、ownerId）。");
        var user = current.User;
        if (!await AttachmentAccess.CanSeeOwnerAsync(db, user, ownerType, ownerId))
            throw DomainException.Forbidden("无权查看该记录的附件。");
        return TypedResults.Ok(await ListForOwnerAsync(db, user.CongressId!.Value, ownerType, ownerId, ct));
    }

    private static async Task<FileStreamHttpResult> Download(int id, RendaDbContext db, AttachmentStore store, CurrentUserAccessor current, HttpContext http, CancellationToken ct)
    {
        var user = current.User;
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        // Another congress's file does not exist as far as this user is concerned.
        if (attachment is null || attachment.CongressId != user.CongressId)
            throw DomainException.NotFound("附件不存在。");
        if (!await AttachmentAccess.CanSeeAsync(db, user, attachment))
            throw DomainException.Forbidden("无权下载该附件。");
        FileStream stream;
        try
        {
            stream = store.Open(attachment);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DomainException.NotFound("附件文件已丢失，请联系系统管理员。");
        }
        // Downloads of deputies' materials are user actions like any other: they go into the audit trail.
        db.RecordEvent(nameof(Attachment), attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "download");
        await db.SaveChangesAsync(ct);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // A download, never rendered inline: an uploaded file must not run in our origin.
        return TypedResults.File(stream, attachment.ContentType, attachment.FileName);
    }
}
