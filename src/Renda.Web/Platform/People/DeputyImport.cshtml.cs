using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.People;

/// <summary>Upload form, column documentation, templates and the result of an import (count or row errors).</summary>
[Authorize(Roles = nameof(Role.CommitteeStaff))]
public class DeputyImportModel(RendaDbContext db) : PageModel
{
    public ImportResult? Result { get; private set; }
    public string? Error { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var user = new CurrentUser(User);
        FileName = file?.FileName;
        try
        {
            if (file is null || file.Length == 0)
                throw DomainException.Invalid("file", file is null ? "请选择要导入的 CSV 或 XLSX 文件。" : "文件为空。");
            if (file.Length > DeputyImport.MaxBytes)
                throw DomainException.Invalid("file", $"导入文件不能超过 {DeputyImport.MaxBytes / 1024 / 1024} MB，请拆分后导入。");
            Result = await DeputyImport.RunAsync(db, user.CongressId!.Value, await PeopleApi.ReadAllAsync(file, ct), ct);
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.Invalid or DomainErrorKind.Conflict)
        {
            Error = e.Message;
        }
        return Page();
    }
}
