using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Features.BudgetMonitoring;

public sealed record WarningReasonRequest(string? Reason);
public sealed record WarningAnswerRequest(string? Explanation, string? Rectification);
public sealed record WarningNoteRequest(string? Note);
public sealed record RecheckRequest(int? Year);
public sealed record RecheckResult(int Year, int Raised);
public sealed record CiteRequest(int? WorkReportId);

/// <summary>Endpoints of budget online supervision: warnings and their rules (/api/v1/budget/warnings…, /api/v1/budget/rules).</summary>
public static class BudgetWarningsApi
{
    private const string Tag = "预算联网监督：预警";

    public static void Map(RouteGroupBuilder api)
    {
        var warnings = api.MapGroup("/budget/warnings").RequireAuthorization().WithTags(Tag);
        MapLists(warnings);
        MapSteps(warnings.MapGroup("/{id:int}"));
        MapRules(api.MapGroup("/budget/rules").RequireAuthorization().WithTags(Tag));
    }

    private static BudgetActor Actor(CurrentUserAccessor user) => new(user.User);

    private static BudgetActor Staff(CurrentUserAccessor user)
    {
        var a = Actor(user);
        a.RequireStaff("预警管理仅供常委会工作人员使用。");
        return a;
    }

    private static void MapLists(RouteGroupBuilder g)
    {
        g.MapGet("/", async Task<Ok<Page<WarningItem>>> (WarningRuleKind? rule, int? unitId, BudgetWarningStatus? status, int? year, int? page, int? pageSize,
                RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await BudgetWarningQueries.ListAsync(db, Staff(user).CongressId, new WarningFilter(rule, unitId, status, year, page, pageSize), ct)))
            .WithName("BudgetMonitoring_ListWarnings").WithSummary("预警列表（按规则、预算单位、状态、年度筛选，紧急的在前）");
        g.MapGet("/unit", async Task<Ok<List<WarningItem>>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await BudgetWarningQueries.UnitQueueAsync(db, Actor(user), ct)))
            .WithName("BudgetMonitoring_ListUnitWarnings").WithSummary("本单位收到的预警（待答复的在前）");
        g.MapGet("/statistics", async Task<Ok<WarningStatistics>> (int? year, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await BudgetWarningQueries.StatisticsAsync(db, calendar, Staff(user).CongressId, year ?? WorkCalendar.Today(db.Clock).Year, ct)))
            .WithName("BudgetMonitoring_GetWarningStatistics").WithSummary("预警统计：按规则、单位、状态；办结用时；销号率");
        g.MapGet("/statistics.xlsx", async Task<FileContentHttpResult> (int? year, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var a = Staff(user);
            var y = year ?? WorkCalendar.Today(db.Clock).Year;
            var bytes = await BudgetWarningQueries.ExportAsync(db, calendar, a.CongressId, y, ct);
            db.RecordEvent("BudgetWarnings", y.ToString(System.Globalization.CultureInfo.InvariantCulture), "export", details: $"预警统计 {y}");
            await db.SaveChangesAsync(ct);
            return TypedResults.File(bytes, Endpoints.Xlsx, $"{y}年预算联网监督预警.xlsx");
        }).ProducesFile(Endpoints.Xlsx).WithName("BudgetMonitoring_ExportWarnings").WithSummary("导出一年的预警及办理情况（Excel）");
        g.MapPost("/recheck", async Task<Ok<RecheckResult>> (RecheckRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var year = r.Year ?? throw DomainException.Invalid("year", "请选择要重新检查的年度。");
            return TypedResults.Ok(new RecheckResult(year, await BudgetWarningWorkflow.RecheckAsync(db, Actor(user), year, ct)));
        }).WithName("BudgetMonitoring_RecheckWarnings").WithSummary("按现行规则重新检查一年的数据（已有的预警不重复产生）");
        g.MapGet("/reports/{workReportId:int}", async Task<Ok<ReportBudgetView>> (int workReportId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await BudgetReportLink.ForReportAsync(db, Actor(user), workReportId, ct) ?? throw DomainException.NotFound("没有找到该预算执行、决算或审计工作报告。")))
            .WithName("BudgetMonitoring_GetReportBudget").WithSummary("预算执行、决算、审计工作报告的执行数据、未办结预警和审议意见引用的预警");
    }

    private static void MapSteps(RouteGroupBuilder g)
    {
        g.MapGet("/", async Task<Ok<WarningView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await BudgetWarningQueries.DetailAsync(db, Actor(user), id, ct)))
            .WithName("BudgetMonitoring_GetWarning").WithSummary("预警详情：规则、数值与阈值、依据的支付、答复记录、可办理的操作");
        g.MapGet("/payments/{paymentId:long}", async Task<Ok<WarningPayment>> (int id, long paymentId, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await BudgetWarningQueries.PaymentAsync(db, Actor(user), id, paymentId, ct)))
            .WithName("BudgetMonitoring_GetWarningPayment").WithSummary("预警依据的一笔支付");
        g.MapPost("/dismiss", (int id, WarningReasonRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BudgetWarningWorkflow.DismissAsync(db, Actor(user), id, r.Reason, ct))).WithName("BudgetMonitoring_DismissWarning").WithSummary("核实后排除预警（须说明理由）");
        g.MapPost("/send", (int id, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BudgetWarningWorkflow.SendAsync(db, calendar, Actor(user), id, ct))).WithName("BudgetMonitoring_SendWarning").WithSummary("发送预警给预算单位的对口单位或财政部门，答复期限开始计时");
        g.MapPost("/answer", (int id, WarningAnswerRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BudgetWarningWorkflow.AnswerAsync(db, Actor(user), id, r.Explanation, r.Rectification, ct))).WithName("BudgetMonitoring_AnswerWarning").WithSummary("单位答复预警：情况说明和整改情况");
        g.MapPost("/accept", (int id, WarningNoteRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BudgetWarningWorkflow.AcceptAsync(db, Actor(user), id, r.Note, ct))).WithName("BudgetMonitoring_AcceptWarning").WithSummary("认可答复，预警销号");
        g.MapPost("/reject", (int id, WarningReasonRequest r, RendaDbContext db, WorkCalendar calendar, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BudgetWarningWorkflow.RejectAsync(db, calendar, Actor(user), id, r.Reason, ct))).WithName("BudgetMonitoring_RejectWarning").WithSummary("不认可答复，退回继续整改（重新计时）");
        g.MapPost("/citations", (int id, CiteRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(BudgetReportLink.CiteAsync(db, Actor(user), r.WorkReportId ?? throw DomainException.Invalid("workReportId", "请选择引用该预警的报告。"), id, ct)))
            .WithName("BudgetMonitoring_CiteWarning").WithSummary("在预算、决算、审计工作报告的审议意见中引用预警");
    }

    private static void MapRules(RouteGroupBuilder g)
    {
        g.MapGet("/", async Task<Ok<List<WarningRules.RuleView>>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await WarningRules.ViewsAsync(db, Staff(user).CongressId, ct)))
            .WithName("BudgetMonitoring_ListWarningRules").WithSummary("预警规则：理由、启用、阈值、检查日期、适用范围");
        g.MapPut("/{kind}", async Task<Ok<WarningRules.RuleView>> (WarningRuleKind kind, WarningRules.RuleInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await WarningRules.SaveAsync(db, Actor(user), kind, r, ct)))
            .WithName("BudgetMonitoring_SaveWarningRule").WithSummary("设置本级人大的一条预警规则");
    }
}
