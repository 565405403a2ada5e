using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The control totals a sender declares for its batch, checked before anything is written.</summary>
public sealed record BudgetControlTotals(int? RowCount, decimal? AmountSum);

/// <summary>
/// A batch pushed by the finance bureau's system: its batch id (批次号), kind (Indicators / Payments / Debt), budget year,
/// the month it covers, for a correction the unit whose month it replaces, the control totals, and the rows — objects keyed by
/// the same Chinese column names as the files (支付凭证号, 预算单位编码, 金额 …), values as strings or numbers.
/// </summary>
public sealed record BudgetPushRequest(string? BatchId, string? Kind, int? Year, int? Month, string? CorrectsUnitCode, BudgetControlTotals? Control,
    List<Dictionary<string, JsonElement>>? Rows);

/// <summary>Endpoints of budget online supervision: the finance bureau's data in: upload, push, batches.</summary>
public static class BudgetImportApi
{
    private const string Tag = "预算联网监督";
    /// <summary>The transport's ceiling; the congress's own limit (BudgetSettings.MaxUploadMegabytes, at most 500) is checked on the file.</summary>
    public const long MaxRequestBytes = 510L * 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var budget = api.MapGroup("/budget").RequireAuthorization().WithTags(Tag);
        budget.MapPost("/batches", Push).WithName("BudgetMonitoring_PushBatch")
            .WithSummary("财政部门推送一批数据（预算指标、国库集中支付明细或政府债务；先核对控制数，同一批次号重复发送只写入一次，更正批次替换某单位某月的数据）")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).ProducesProblem(StatusCodes.Status409Conflict);
        budget.MapPost("/uploads", Upload).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .WithName("BudgetMonitoring_UploadBatch").WithSummary("上传一批数据（multipart：file、kind、year；CSV 为 UTF-8 或 GB18030，或 XLSX；全部成功或全部不导入）")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status409Conflict);
        budget.MapGet("/batches", async Task<Ok<Page<BudgetBatchView>>> (int? year, BudgetDataKind? kind, int? page, int? pageSize, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await SenderAsync(db, user, ct);
            return TypedResults.Ok(await BudgetBatchQueries.ListAsync(db, actor.CongressId, new BudgetBatchFilter(year, kind, page, pageSize), ct));
        }).WithName("BudgetMonitoring_ListBatches").WithSummary("已导入的批次（数据种类、渠道、行数、金额、报送人、时间）");
        budget.MapGet("/batches/{id:int}", async Task<Ok<BudgetBatchView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = await SenderAsync(db, user, ct);
            var batch = await db.Set<BudgetBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.CongressId == actor.CongressId, ct)
                ?? throw DomainException.NotFound("没有这个批次。");
            return TypedResults.Ok(await BudgetBatchQueries.ViewAsync(db, batch, ct));
        }).WithName("BudgetMonitoring_GetBatch").WithSummary("一个批次");
    }

    /// <summary>The congress's staff, or the finance bureau's officers (the machine account of its system among them).</summary>
    public static async Task<BudgetActor> SenderAsync(RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
    {
        var actor = new BudgetActor(user.User);
        if (actor.IsStaff) return actor;
        var bureau = (await Settings.ForAsync<BudgetSettings>(db, actor.CongressId, ct)).FinanceBureauUnitId;
        if (bureau is { } unit && actor.UnitIds.Contains(unit)) return actor;
        throw DomainException.Forbidden("只有常委会工作人员和本级财政部门可以报送、查看预算数据批次。");
    }

    private static async Task<Results<Created<BudgetBatchView>, Ok<BudgetBatchView>, ValidationProblem>> Push(BudgetPushRequest r, RendaDbContext db, WorkCalendar calendar,
        CurrentUserAccessor user, CancellationToken ct)
    {
        var actor = await SenderAsync(db, user, ct);
        if (string.IsNullOrWhiteSpace(r.BatchId)) throw DomainException.Invalid("batchId", "请填写批次号。");
        if (r.BatchId.Trim().Length > 64) throw DomainException.Invalid("batchId", "批次号不能超过 64 个字符。");
        var kind = ParseKind(r.Kind);
        if (r.Year is not (>= 2000 and <= 2100)) throw DomainException.Invalid("year", "请填写预算年度（如 2023）。");
        if (r.Month is { } m && m is < 1 or > 12) throw DomainException.Invalid("month", "月份须在 1 到 12 之间。");
        if (r.Rows is null) throw DomainException.Invalid("rows", "请提供数据行（rows）。");
        if (r.Control?.RowCount is not { } rowCount) throw DomainException.Invalid("control.rowCount", "请填写控制数：行数。");
        if (r.Control.AmountSum is not { } amountSum) throw DomainException.Invalid("control.amountSum", "请填写控制数：金额合计。");
        if (rowCount != r.Rows.Count)
            throw DomainException.Invalid("control.rowCount", $"控制数不符：声明 {rowCount} 行，实际收到 {r.Rows.Count} 行；整批未导入。");
        if (ControlSum(kind, r.Rows) is { } sum && sum != amountSum)
            throw DomainException.Invalid("control.amountSum", $"控制数不符：声明金额合计 {amountSum:0.00}，各行合计 {sum:0.00}；整批未导入。");
        var hash = BudgetImport.Hash(JsonSerializer.SerializeToUtf8Bytes(new { kind, r.Year, r.Month, r.CorrectsUnitCode, r.Rows }));
        var input = new BudgetBatchInput(actor.CongressId, kind, BudgetChannel.Push, r.BatchId.Trim(), hash, null, r.Year, r.Month, r.CorrectsUnitCode?.Trim(), actor.AccountId);
        var outcome = await BudgetImport.RunAsync(db, calendar, input, BudgetSheets.FromJson(r.Rows), null, ct);
        return await AnswerAsync(db, outcome, ct);
    }

    private static async Task<Results<Created<BudgetBatchView>, Ok<BudgetBatchView>, ValidationProblem>> AnswerAsync(RendaDbContext db, BudgetImportOutcome outcome, CancellationToken ct)
    {
        if (!outcome.Succeeded) return RowProblems(outcome.Errors);
        var view = await BudgetBatchQueries.ViewAsync(db, outcome.Batch!, ct);
        return outcome.AlreadyImported ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/budget/batches/{view.Id}", view);
    }

    private static async Task<Results<Created<BudgetBatchView>, Ok<BudgetBatchView>, ValidationProblem, ProblemHttpResult>> Upload(HttpRequest request, RendaDbContext db,
        WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
    {
        var actor = new BudgetActor(user.User);
        actor.RequireStaff("只有常委会工作人员可以上传预算数据。");
        var limit = (await Settings.ForAsync<BudgetSettings>(db, actor.CongressId, ct)).MaxUploadMegabytes;
        var (form, tooLarge) = await UploadedForm.ReadAsync(request, TooLarge(limit), ct);
        if (form is null) return tooLarge!;
        var file = form.Files.GetFile("file") ?? throw DomainException.Invalid("file", "请选择要导入的 CSV 或 XLSX 文件。");
        if (file.Length > limit * 1024L * 1024) return UploadedForm.TooLarge(TooLarge(limit));
        var kind = ParseKind(form["kind"].ToString());
        int? year = int.TryParse(form["year"].ToString(), out var y) ? y : null;
        var outcome = await BudgetUploads.ImportAsync(db, calendar, actor, kind, file, year, ct);
        return await AnswerAsync(db, outcome, ct) switch
        {
            { Result: Created<BudgetBatchView> c } => c,
            { Result: Ok<BudgetBatchView> o } => o,
            { Result: ValidationProblem v } => v,
            _ => throw new InvalidOperationException(),
        };
    }

    public static string TooLarge(int megabytes) => $"导入文件不能超过 {megabytes} MB（本级设置），请按月或按单位拆分后导入。";

    public static BudgetDataKind ParseKind(string? kind)
        => Enum.TryParse<BudgetDataKind>(kind?.Trim(), true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k
            : throw DomainException.Invalid("kind", "请选择数据种类：Indicators（预算指标）、Payments（国库集中支付明细）或 Debt（政府债务）。");

    /// <summary>What the control amount adds up: 金额 (indicators, payments); 余额 and 实还金额 (debt). Null when a cell is no number: the rows' check names it.</summary>
    private static decimal? ControlSum(BudgetDataKind kind, List<Dictionary<string, JsonElement>> rows)
    {
        string[] columns = kind == BudgetDataKind.Debt ? [BudgetColumns.Balance, BudgetColumns.AmountPaid] : [BudgetColumns.Amount];
        var sum = 0m;
        foreach (var row in rows)
            foreach (var c in columns)
            {
                if (!row.TryGetValue(c, out var v) || v.ValueKind is JsonValueKind.Null) continue;
                var text = v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (!decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)) return null;
                sum += d;
            }
        return sum;
    }

    /// <summary>Every wrong row, as "第 N 行：列名 — 原因", and the same list structured for programs.</summary>
    public static ValidationProblem RowProblems(IReadOnlyList<BudgetRowError> errors)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rows"] = errors.Select(e => e.ToString()).ToArray() },
            detail: $"{errors.Select(e => e.Row).Distinct().Count()} 行共 {errors.Count} 处错误，整批未导入。", title: "批次数据有误",
            extensions: new Dictionary<string, object?> { ["rowErrors"] = errors });
}

/// <summary>An uploaded file (page or API) is kept in a temporary file while it is read, so a large CSV never sits in memory.</summary>
public static class BudgetUploads
{
    public static async Task<BudgetImportOutcome> ImportAsync(RendaDbContext db, WorkCalendar calendar, BudgetActor actor, BudgetDataKind kind, IFormFile file, int? year, CancellationToken ct)
    {
        if (file.Length == 0) throw DomainException.Invalid("file", "文件为空。");
        var path = Path.GetTempFileName();
        try
        {
            await using (var target = File.Create(path))
            await using (var source = file.OpenReadStream())
                await source.CopyToAsync(target, ct);
            return await BudgetFiles.ImportAsync(db, calendar, actor.CongressId, kind, BudgetChannel.Upload, path, Path.GetFileName(file.FileName), year, actor.AccountId, null, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A file's batch (upload or command line): its id is the content's hash, so the same file sent twice is written once.</summary>
public static class BudgetFiles
{
    public static async Task<BudgetImportOutcome> ImportAsync(RendaDbContext db, WorkCalendar calendar, int congressId, BudgetDataKind kind, BudgetChannel channel,
        string path, string? fileName, int? year, int? accountId, IProgress<long>? progress, CancellationToken ct)
    {
        var table = await BudgetSheets.OpenFileAsync(path, ct);
        var hash = table.ContentHash!;
        var name = fileName is { Length: > 200 } ? fileName[..200] : fileName;
        return await BudgetImport.RunAsync(db, calendar, new BudgetBatchInput(congressId, kind, channel, hash, hash, name, year, AccountId: accountId), table, progress, ct);
    }
}
