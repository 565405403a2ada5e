using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The year an analysis opens on (the current one, or the latest with data) and the years with data.</summary>
public sealed record BudgetYears(int Year, bool Current, IReadOnlyList<int> Years);

/// <summary>Endpoints of budget online supervision: query and analysis, the deputies' service, the levels above.</summary>
public static class BudgetAnalysisApi
{
    private const string Tag = "预算联网监督";

    public static void Map(RouteGroupBuilder api)
    {
        var budget = api.MapGroup("/budget").RequireAuthorization().WithTags(Tag);
        MapAnalysis(budget);
        MapPayments(budget);
        MapService(budget);
    }

    private static void MapAnalysis(RouteGroupBuilder budget)
    {
        budget.MapGet("/years", async Task<Ok<BudgetYears>> (string? congress, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var reader = await BudgetReader.ForAsync(db, Actor(user), congress, ct);
            var (year, current, years) = await BudgetServiceQueries.DefaultYearAsync(db, reader.CongressId, null, ct);
            return TypedResults.Ok(new BudgetYears(year, current, years));
        }).WithName("BudgetMonitoring_GetYears").WithSummary("有预算执行数据的年度，以及分析默认打开的年度");
        budget.MapGet("/analysis/{view}", async Task<Ok<BudgetTable>> (string view, int? year, int? unit, FundNature? fund, int? month, DateOnly? asOf, string? congress,
            RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (reader, filter) = await FilterAsync(db, user, congress, year, unit, fund, month, asOf, ct);
            return TypedResults.Ok(await BudgetAnalysis.TableAsync(db, reader, View(view), filter, ct));
        }).WithName("BudgetMonitoring_GetAnalysis")
            .WithSummary("预算执行分析（view：units 按单位、functions 按功能分类、economic 按经济分类、projects 按项目、funds 按资金性质、months 按月份、compare 同比、three-public 三公经费、payees 收款人、debt 债务、repayments 还本付息）");
        budget.MapGet("/analysis/{view}/xlsx", async Task<FileContentHttpResult> (string view, int? year, int? unit, FundNature? fund, int? month, DateOnly? asOf, string? congress,
            RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (reader, filter) = await FilterAsync(db, user, congress, year, unit, fund, month, asOf, ct);
            var table = await BudgetAnalysis.TableAsync(db, reader, View(view), filter, ct);
            return await FileAsync(db, reader, table.Title, BudgetExcel.Table(table), ct);
        }).ProducesFile(Endpoints.Xlsx).WithName("BudgetMonitoring_ExportAnalysis").WithSummary("导出预算执行分析表（Excel）");
        budget.MapGet("/below", async Task<Ok<List<BelowCongress>>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var y = year ?? WorkCalendar.Today(db.Clock).Year;
            return TypedResults.Ok(await BudgetServiceQueries.BelowAsync(db, Actor(user), y, ct));
        }).WithName("BudgetMonitoring_ListBelow").WithSummary("下级人大的预算执行汇总和预警统计");
        budget.MapGet("/warning-counts", async Task<Ok<List<WarningCount>>> (int? year, string? congress, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var reader = await BudgetReader.ForAsync(db, Actor(user), congress, ct);
            var y = year ?? (await BudgetServiceQueries.DefaultYearAsync(db, reader.CongressId, null, ct)).Year;
            return TypedResults.Ok(await BudgetServiceQueries.WarningCountsAsync(db, reader.CongressId, y, ct));
        }).WithName("BudgetMonitoring_CountWarnings").WithSummary("预警按规则和状态统计（本级或下级人大）");
    }

    private static void MapPayments(RouteGroupBuilder budget)
    {
        budget.MapGet("/payments", async Task<Ok<PaymentPage>> ([AsParameters] PaymentQuery q, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (reader, filter) = await PaymentFilterAsync(db, user, q, ct);
            return TypedResults.Ok(await BudgetPayments.PageAsync(db, reader, filter, ct));
        }).WithName("BudgetMonitoring_ListPayments").WithSummary("支付明细（下钻）：按年度、单位、资金性质、科目、项目、收款人、日期筛选，按支付日期排序分页");
        budget.MapGet("/payments/xlsx", async Task<FileContentHttpResult> ([AsParameters] PaymentQuery q, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (reader, filter) = await PaymentFilterAsync(db, user, q, ct);
            var rows = await BudgetPayments.ExportRowsAsync(db, reader, filter, ct);
            var title = $"{filter.Year}年国库集中支付明细";
            return await FileAsync(db, reader, title, BudgetExcel.Workbook(title, $"{reader.CongressName}；共 {rows.Count} 笔", BudgetPayments.Columns, BudgetPayments.Cells(rows).ToList()), ct);
        }).ProducesFile(Endpoints.Xlsx).WithName("BudgetMonitoring_ExportPayments").WithSummary("导出支付明细（Excel，最多 10 万笔）");
        budget.MapGet("/payments/{year:int}/{id:long}", async Task<Ok<PaymentDetail>> (int year, long id, string? congress, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var reader = await BudgetReader.ForAsync(db, Actor(user), congress, ct);
            return TypedResults.Ok(await BudgetPayments.DetailAsync(db, reader, year, id, ct));
        }).WithName("BudgetMonitoring_GetPayment").WithSummary("一笔支付的详情：凭证、单位、科目、项目、指标文号、收款人、摘要和冲销它的退款");
    }

    private static void MapService(RouteGroupBuilder budget)
    {
        budget.MapGet("/service", async Task<Ok<ServiceView>> (int? year, string? q, int? page, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var reader = await BudgetReader.ForAsync(db, Actor(user), null, ct);
            return TypedResults.Ok(await BudgetServiceQueries.ServiceAsync(db, reader, year, q, ct, page));
        }).WithName("BudgetMonitoring_GetService").WithSummary("代表服务：单位和项目的预算执行、预警（按名称检索项目或单位；单位每页 10 个，page 从 1 起）");
    }

    /// <summary>The drill-down's query string, as the analysis tables' links write it.</summary>
    public sealed record PaymentQuery(int? Year, int? Unit, FundNature? Fund, string? Function, string? Economic, int? Project, string? Payee, DateOnly? From, DateOnly? To,
        string? After, int? Size, string? Congress);

    internal static BudgetActor Actor(CurrentUserAccessor user) => new(user.User);

    private static BudgetView View(string slug) => BudgetViews.FromSlug(slug) ?? throw DomainException.NotFound($"没有“{slug}”这种分析。");

    internal static async Task<(BudgetReader, BudgetFilter)> FilterAsync(RendaDbContext db, CurrentUserAccessor user, string? congress, int? year, int? unit, FundNature? fund,
        int? month, DateOnly? asOf, CancellationToken ct)
    {
        var reader = await BudgetReader.ForAsync(db, Actor(user), congress, ct);
        var y = year ?? (await BudgetServiceQueries.DefaultYearAsync(db, reader.CongressId, null, ct)).Year;
        return (reader, new BudgetFilter(y, unit, fund, month, asOf));
    }

    private static async Task<(BudgetReader, PaymentFilter)> PaymentFilterAsync(RendaDbContext db, CurrentUserAccessor user, PaymentQuery q, CancellationToken ct)
    {
        var reader = await BudgetReader.ForAsync(db, Actor(user), q.Congress, ct);
        reader.RequirePaymentRows();
        var year = q.Year ?? throw DomainException.Invalid("year", "请指定年度。");
        return (reader, new PaymentFilter(year, q.Unit, q.Fund, q.Function, q.Economic, q.Project, q.Payee, q.From, q.To, q.After, q.Size));
    }

    private static async Task<FileContentHttpResult> FileAsync(RendaDbContext db, BudgetReader reader, string title, byte[] bytes, CancellationToken ct)
    {
        db.RecordEvent("BudgetAnalysis", reader.CongressId.ToString(System.Globalization.CultureInfo.InvariantCulture), "export", details: title);
        await db.SaveChangesAsync(ct);
        return TypedResults.File(bytes, Endpoints.Xlsx, BudgetExcel.FileName(title));
    }
}
