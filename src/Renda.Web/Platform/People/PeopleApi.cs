using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.People;

public sealed record ChangeStatusRequest(DeputyStatus? Status, DateOnly? Date);

public sealed record DeputiesImported(int Imported);

/// <summary>The deputies register over HTTP: list, detail, status changes and import.</summary>
public static class PeopleApi
{
    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("代表名册");
        // Map runs once per host at start-up: the module's attachment owner types are registered with it.
        DeputyAttachments.Register();

        api.MapGet("/congresses/{code}/deputies", List).RequireAuthorization(p => p.RequireRole(Deputies.ReaderRoles))
            .WithName("People_ListDeputies").WithSummary("代表名册（分页、排序、筛选；身份证号和手机号按权限脱敏）");
        api.MapGet("/deputies/{id:int}", Detail).RequireAuthorization().WithName("People_GetDeputy").WithSummary("代表详情，含其在其他人大的代表职务（仅名称）");
        api.MapPost("/deputies/{id:int}/status", ChangeStatus).RequireAuthorization(nameof(Role.CommitteeStaff))
            .WithName("People_ChangeDeputyStatus").WithSummary("变更代表状态：在任 → 辞职 / 罢免 / 终止");
        // Cookie callers are already held to the X-CSRF-TOKEN header (UseApiCsrfProtection); bearer clients need no form token.
        api.MapPost("/congresses/{code}/deputies/import", Import).RequireAuthorization(nameof(Role.CommitteeStaff)).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data").WithName("People_ImportDeputies").WithSummary("导入代表名册（CSV 或 XLSX，全部成功或全部不导入）")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/deputies/import-template", Template).RequireAuthorization(nameof(Role.CommitteeStaff))
            .WithName("People_ImportTemplate").WithSummary("导入模板（format=csv 或 xlsx）").ProducesFile(Endpoints.Xlsx, "text/csv");
    }

    private static async Task<Ok<Page<DeputyView>>> List(string code, RendaDbContext db, CurrentUserAccessor current,
        int? page, int? pageSize, string? sort, string? q, string? delegation, string? status, string? gender, string? ethnicity, int? term, CancellationToken ct)
    {
        var congress = await CongressScope.OwnAsync(db, current.User, code, ct);
        var filter = new DeputyFilter(q, delegation, ParseEnum<DeputyStatus>("status", status), ParseEnum<Gender>("gender", gender), ethnicity, term, sort);
        return TypedResults.Ok(await Deputies.ListAsync(db, current.User, congress.Id, filter, page, pageSize, ct));
    }

    private static async Task<Ok<DeputyDetailView>> Detail(int id, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
        => TypedResults.Ok(await Deputies.DetailAsync(db, current.User, id, ct));

    private static async Task<Ok<DeputyDetailView>> ChangeStatus(int id, ChangeStatusRequest request, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        if (request.Status is not { } status || !Enum.IsDefined(status))
            throw DomainException.Invalid("status", "请填写新状态：Resigned（辞职）、Recalled（罢免）或 Terminated（终止）。");
        if (request.Date is not { } date)
            throw DomainException.Invalid("date", "请填写状态变更日期。");
        await Deputies.ChangeStatusAsync(db, current.User, id, status, date, ct);
        return TypedResults.Ok(await Deputies.DetailAsync(db, current.User, id, ct));
    }

    private static async Task<Results<Ok<DeputiesImported>, ValidationProblem, ProblemHttpResult>> Import(string code, HttpRequest request, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct)
    {
        var congress = await CongressScope.OwnAsync(db, current.User, code, ct);
        var (form, tooLarge) = await UploadedForm.ReadAsync(request, TooLargeMessage, ct);
        if (form is null) return tooLarge!;
        var file = form.Files.GetFile("file") ?? throw DomainException.Invalid("file", "请选择要导入的 CSV 或 XLSX 文件。");
        if (file.Length > DeputyImport.MaxBytes)
            return UploadedForm.TooLarge(TooLargeMessage);
        var result = await DeputyImport.RunAsync(db, congress.Id, await ReadAllAsync(file, ct), ct);
        return result.Succeeded ? TypedResults.Ok(new DeputiesImported(result.Imported)) : RowProblems(result);
    }

    private static FileContentHttpResult Template(string? format)
        => format?.ToLowerInvariant() switch
        {
            "xlsx" => TypedResults.File(DeputyImport.XlsxTemplate(), AttachmentStore.Xlsx.ContentType, "代表名册导入模板.xlsx"),
            "csv" or null => TypedResults.File(DeputyImport.CsvTemplate(), "text/csv; charset=utf-8", "代表名册导入模板.csv"),
            _ => throw DomainException.Invalid("format", "模板格式只能是 csv 或 xlsx。"),
        };

    /// <summary>One entry per bad cell, keyed "row 5: 身份证号", plus the same list structured for programs.</summary>
    public static ValidationProblem RowProblems(ImportResult result)
    {
        var errors = result.Errors.GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Value is null ? e.Message : $"{e.Message}（值：{e.Value}）").ToArray());
        var rows = result.Errors.Select(e => e.Row).Distinct().Count();
        return TypedResults.ValidationProblem(errors, detail: $"{rows} 行共 {result.Errors.Count} 处错误，未导入任何数据。", title: "导入文件有误",
            extensions: new Dictionary<string, object?> { ["rowErrors"] = result.Errors });
    }

    public static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static readonly string TooLargeMessage = $"导入文件不能超过 {DeputyImport.MaxBytes / 1024 / 1024} MB，请拆分后导入。";

    /// <summary>Filters accept the enum name (Serving) or the Chinese word (在任).</summary>
    private static T? ParseEnum<T>(string field, string? value) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, CultureInfo.InvariantCulture, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        if (typeof(T) == typeof(DeputyStatus) && PeopleLabels.ParseStatus(value) is { } s) return (T)(object)s;
        if (typeof(T) == typeof(Gender) && PeopleLabels.ParseGender(value) is { } g) return (T)(object)g;
        throw DomainException.Invalid(field, $"无法识别的筛选值“{value}”。");
    }
}

/// <summary>履职材料: attachments owned by a deputy's mandate (owner id = deputy id).</summary>
public static class DeputyAttachments
{
    public const string OwnerType = "Deputy";

    /// <summary>Readers of the register of the deputy's congress and the deputy themself may see; committee staff of that congress may attach.</summary>
    public static void Register() => AttachmentAccess.Register(OwnerType,
        async (db, user, ownerId) => DeputyId(ownerId) is { } id
            && await PersonOf(db, user, id) is { } personId && (Deputies.MayRead(user) || user.PersonId == personId),
        async (db, user, ownerId) => DeputyId(ownerId) is { } id && user.Has(Role.CommitteeStaff) && await PersonOf(db, user, id) is not null);

    private static async Task<int?> PersonOf(RendaDbContext db, CurrentUser user, int deputyId)
        => await db.Deputies.Where(d => d.Id == deputyId && d.CongressId == user.CongressId).Select(d => (int?)d.PersonId).FirstOrDefaultAsync();

    /// <summary>Only the canonical form ("12", not "012"), so one deputy has exactly one owner id.</summary>
    private static int? DeputyId(string ownerId)
        => int.TryParse(ownerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id.ToString(CultureInfo.InvariantCulture) == ownerId ? id : null;
}
