using Renda.Web.Platform.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Features.Deputies;

public sealed record PointWeightsRequest(Dictionary<string, double?>? Weights);
public sealed record PointWeightsView(IReadOnlyList<DutyPointWeightView> Weights, string Rule);
public sealed record DecisionRequest(string? Decision);
public sealed record DutyReportRequest(int? Year);
public sealed record RebuildResult(int Added);

/// <summary>Endpoints of deputies' work: the duty archive, its points, corrections and the annual duty report.</summary>
public static class DutyArchiveApi
{
    private const string Tag = "履职档案";

    public static void Map(RouteGroupBuilder api)
    {
        var deputies = api.MapGroup("/deputies").RequireAuthorization().WithTags(Tag);
        MapArchive(deputies);
        MapCorrections(deputies);
        MapReports(deputies);
    }

    private static DutyArchiveActor Actor(CurrentUserAccessor user) => new(user.User);

    private static void MapArchive(RouteGroupBuilder deputies)
    {
        deputies.MapGet("/me", async Task<Ok<MyDutyView>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DutyArchiveQueries.MeAsync(db, Actor(user), ct))).WithName("Deputies_GetMyDuty").WithSummary("我的履职：会议邀请、附议邀请、本人建议及期限、年度积分和排名、更正申请、述职报告");
        deputies.MapGet("/me/archive", async Task<Ok<DutyArchiveView>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var id = await actor.DeputyIdAsync(db, ct) ?? throw DomainException.NotFound("您的账号没有关联本级人大的代表身份。");
            return TypedResults.Ok(await DutyArchiveQueries.ArchiveAsync(db, actor, id, year, withRank: false, ct));
        }).WithName("Deputies_GetMyArchive").WithSummary("本人的履职档案（按年度、按类别，含积分）");
        deputies.MapGet("/{id:int}/archive", async Task<Ok<DutyArchiveView>> (int id, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DutyArchiveQueries.ArchiveAsync(db, Actor(user), id, year, withRank: false, ct))).WithName("Deputies_GetArchive").WithSummary("代表的履职档案（按年度、按类别，含积分）");
        deputies.MapGet("/points", async Task<Ok<List<RankedDeputy>>> (int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            if (!actor.MayReadAll) throw DomainException.Forbidden("只有常委会工作人员可以查看积分排名。");
            return TypedResults.Ok(await DutyArchiveQueries.RankingAsync(db, actor.CongressId, year ?? DutyArchiveQueries.Today(db).Year, ct));
        }).WithName("Deputies_ListPoints").WithSummary("本级代表年度履职积分排名");
        deputies.MapGet("/point-weights", async Task<Ok<PointWeightsView>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(new PointWeightsView(await DutyPoints.WeightsAsync(db, Actor(user).CongressId, ct), DutyPoints.Rule)))
            .WithName("Deputies_GetPointWeights").WithSummary("履职积分规则：各类履职记录的分值");
        deputies.MapPut("/point-weights", (PointWeightsRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(DutyPoints.SaveAsync(db, Actor(user), r.Weights, ct))).WithName("Deputies_SetPointWeights").WithSummary("设置履职积分规则（分值不得为负）");
        deputies.MapGet("/statistics/archive", async Task<Ok<ArchiveStatisticsView>> (string? congress, int? year, string? kind, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DutyArchiveStatistics.ForAsync(db, RequireStaff(user), congress, year, kind, ct))).WithName("Deputies_GetArchiveStatistics").WithSummary("履职档案统计：按类别、按下级人大汇总，积分分布，无履职记录的代表");
        deputies.MapGet("/statistics/archive.xlsx", async Task<FileContentHttpResult> (string? congress, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var s = await DutyArchiveStatistics.ForAsync(db, RequireStaff(user), congress, year, null, ct);
            return TypedResults.File(DutyArchiveStatistics.Workbook(s), Endpoints.Xlsx, $"{s.Congress}{s.Year}年履职档案统计.xlsx");
        }).WithName("Deputies_ExportArchiveStatistics").WithSummary("导出履职档案统计（Excel）").ProducesFile(Endpoints.Xlsx);
        deputies.MapPost("/archive/rebuild", async Task<Ok<RebuildResult>> (RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            Actor(user).RequireStaff();
            return TypedResults.Ok(new RebuildResult(await DutyArchiveBackfill.RunAsync(db, ct)));
        }).WithName("Deputies_RebuildArchive").WithSummary("按各模块数据补齐履职档案（可重复执行）");
    }

    private static CurrentUser RequireStaff(CurrentUserAccessor user)
    {
        if (!Actor(user).MayReadAll) throw DomainException.Forbidden("只有常委会工作人员可以查看履职档案统计。");
        return user.User;
    }

    private static void MapCorrections(RouteGroupBuilder deputies)
    {
        deputies.MapPost("/{id:int}/corrections", async Task<Created<CorrectionView>> (int id, DutyCorrectionInput r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var c = await DutyCorrectionWorkflow.RequestAsync(db, actor, id, r, ct);
            return TypedResults.Created($"/api/v1/deputies/corrections/{c.Id}", (await DutyArchiveQueries.CorrectionsAsync(db, actor, id, null, ct)).First(x => x.Id == c.Id));
        }).WithName("Deputies_RequestCorrection").WithSummary("代表申请更正本人履职档案（更正已有记录或补录漏记的记录）");
        deputies.MapGet("/corrections", async Task<Ok<List<CorrectionView>>> (int? deputyId, DutyCorrectionStatus? status, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DutyArchiveQueries.CorrectionsAsync(db, Actor(user), deputyId, status, ct))).WithName("Deputies_ListCorrections").WithSummary("档案更正申请列表");
        deputies.MapPost("/corrections/{id:int}/accept", (int id, DecisionRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(DutyCorrectionWorkflow.AcceptAsync(db, Actor(user), id, r.Decision, ct))).WithName("Deputies_AcceptCorrection").WithSummary("采纳更正申请（说明理由），档案随之更正");
        deputies.MapPost("/corrections/{id:int}/reject", (int id, DecisionRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(DutyCorrectionWorkflow.RejectAsync(db, Actor(user), id, r.Decision, ct))).WithName("Deputies_RejectCorrection").WithSummary("不予更正（说明理由）");
    }

    private static void MapReports(RouteGroupBuilder deputies)
    {
        deputies.MapPost("/{id:int}/duty-reports", async Task<Created<DutyReportView>> (int id, DutyReportRequest r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var report = await DutyReportWorkflow.DraftAsync(db, actor, id, r.Year, ct);
            return TypedResults.Created($"/api/v1/deputies/duty-reports/{report.Id}", await DutyArchiveQueries.ReportAsync(db, actor, report.Id, ct));
        }).WithName("Deputies_DraftDutyReport").WithSummary("根据履职档案生成年度述职报告草稿");
        deputies.MapGet("/duty-reports", async Task<Ok<List<DutyReportView>>> (int? deputyId, int? year, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DutyArchiveQueries.ReportsAsync(db, Actor(user), deputyId, year, ct))).WithName("Deputies_ListDutyReports").WithSummary("述职报告列表");
        deputies.MapGet("/duty-reports/{id:int}", async Task<Ok<DutyReportView>> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => TypedResults.Ok(await DutyArchiveQueries.ReportAsync(db, Actor(user), id, ct))).WithName("Deputies_GetDutyReport").WithSummary("述职报告详情");
        deputies.MapPut("/duty-reports/{id:int}", (int id, DutyReportEdit r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(DutyReportWorkflow.EditAsync(db, Actor(user), id, r, ct))).WithName("Deputies_EditDutyReport").WithSummary("修改述职报告（述职后不能修改）");
        deputies.MapPost("/duty-reports/{id:int}/submit", (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(DutyReportWorkflow.SubmitAsync(db, Actor(user), id, ct))).WithName("Deputies_SubmitDutyReport").WithSummary("提交述职报告");
        deputies.MapPost("/duty-reports/{id:int}/present", (int id, DutyReportPresentation r, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct)
            => Endpoints.Done(DutyReportWorkflow.PresentAsync(db, Actor(user), id, r, ct))).WithName("Deputies_PresentDutyReport").WithSummary("登记在代表联络站述职及选民测评（满意、基本满意、不满意人数）");
        deputies.MapGet("/duty-reports/{id:int}/docx", async Task<FileContentHttpResult> (int id, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var actor = Actor(user);
            var report = await DutyReportWorkflow.LoadAsync(db, actor, id, ct);
            var who = await db.Deputies.Where(d => d.Id == report.DeputyId).Select(d => new { d.Person!.Name, d.Congress!.ShortName }).FirstAsync(ct);
            return TypedResults.File(DutyReportDocument.Build(report, who.Name, who.ShortName), Endpoints.Docx, DutyReportDocument.FileName(report, who.Name));
        }).WithName("Deputies_DownloadDutyReport").WithSummary("下载述职报告（Word，公文格式）").ProducesFile(Endpoints.Docx);
    }
}
