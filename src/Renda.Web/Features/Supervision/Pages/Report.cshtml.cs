using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Attachments;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/reports/{id} — a report, its clocks, and the loop: submit, distribute, heard, opinions, handling, judgement, follow-up.</summary>
public partial class ReportModel(RendaDbContext db, WorkCalendar calendar, AttachmentStore store) : SupervisionPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public WorkReportView R { get; private set; } = null!;
    public List<(int Id, string Title)> Meetings { get; private set; } = [];
    public List<(int Id, string FileName, long Size)> Attachments { get; private set; } = [];
    /// <summary>The organ's officers and the staff attach documents (the report as submitted, the signed handling report) while the loop is open.</summary>
    public bool MayAttach { get; private set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        R = await SupervisionQueries.ReportAsync(Db, Actor, Id, ct);
        await LoadTopicLinkAsync(R.TopicId, R.Year, ct);
        var owner = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Attachments = (await Db.Attachments.AsNoTracking().Where(a => a.OwnerType == WorkReport.Subject && a.OwnerId == owner && a.CongressId == Actor.CongressId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.Size }).ToListAsync(ct)).Select(a => (a.Id, a.FileName, a.Size)).ToList();
        MayAttach = await AttachmentAccess.CanAttachAsync(Db, new CurrentUser(User), WorkReport.Subject, owner);
        await LoadBudgetAsync(ct);
        if (Actor.IsStaff)
            Meetings = (await MeetingQueries.AllowingAsync(Db, Actor.CongressId, MeetingAction.AddAgendaItem, ct)).Select(m => (m.Id, m.Title)).ToList();
    }

    private string Here() => $"/supervision/reports/{Id}";

    public Task<IActionResult> OnPostScheduleAsync(int meetingId, string? lateReason, CancellationToken ct)
        => StepAsync(a => WorkReportWorkflow.ScheduleAsync(Db, calendar, a, Id, meetingId, lateReason, ct), "报告已列入会议议程，送交期限开始计时。", Here, ct);
    public Task<IActionResult> OnPostAttachAsync(IFormFile? file, CancellationToken ct) => StepAsync(async a =>
    {
        if (file is not { Length: > 0 }) throw DomainException.Invalid("file", "请选择要上传的文件。");
        var owner = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!await AttachmentAccess.CanAttachAsync(Db, new CurrentUser(User), WorkReport.Subject, owner))
            throw DomainException.Forbidden("无权为该报告添加附件（报告已办结，或您不是报告机关的经办人）。");
        await using var content = file.OpenReadStream();
        await store.SaveAsync(content, file.FileName, a.CongressId, WorkReport.Subject, owner, a.AccountId, ct);
    }, "附件已上传。", Here, ct);
    public Task<IActionResult> OnPostSubmitAsync(string? text, CancellationToken ct) => StepAsync(a => WorkReportWorkflow.SubmitAsync(Db, a, Id, text, ct), "报告已提交。", Here, ct);
    public Task<IActionResult> OnPostDistributeAsync(CancellationToken ct) => StepAsync(a => WorkReportWorkflow.DistributeAsync(Db, a, Id, ct), "报告已送常委会并印发组成人员。", Here, ct);
    public Task<IActionResult> OnPostHeardAsync(CancellationToken ct) => StepAsync(a => WorkReportWorkflow.HearAsync(Db, calendar, a, Id, ct), "已记录会议听取审议，审议意见须在7日内送交。", Here, ct);
    public Task<IActionResult> OnPostOpinionsAsync(string? opinions, CancellationToken ct) => StepAsync(a => WorkReportWorkflow.SendOpinionsAsync(Db, calendar, a, Id, opinions, ct), "审议意见已送交报告机关。", Here, ct);
    public Task<IActionResult> OnPostHandlingAsync(string? text, CancellationToken ct) => StepAsync(a => WorkReportWorkflow.ReportHandlingAsync(Db, a, Id, text, ct), "研究处理情况已报告。", Here, ct);
    public Task<IActionResult> OnPostJudgeAsync(HandlingJudgement judgement, string? note, DateOnly? followUpDueOn, CancellationToken ct)
        => StepAsync(a => WorkReportWorkflow.JudgeAsync(Db, calendar, a, Id, judgement, note, followUpDueOn, ct), "测评结论已记录。", Here, ct);
    public Task<IActionResult> OnPostFollowUpAsync(string? text, CancellationToken ct) => StepAsync(a => WorkReportWorkflow.ReportFollowUpAsync(Db, a, Id, text, ct), "落实情况已报告。", Here, ct);
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => StepAsync(a => WorkReportWorkflow.CloseFollowUpAsync(Db, a, Id, ct), "跟踪监督已结束，报告办结。", Here, ct);
    public Task<IActionResult> OnPostResolutionAsync(int meetingId, string? resolutionTitle, DateOnly dueOn, CancellationToken ct)
        => StepAsync(a => WorkReportWorkflow.RequestResolutionAsync(Db, a, Id, meetingId, resolutionTitle, dueOn, ct), "决议草案已列入会议议程。", Here, ct);

    public Task<IActionResult> OnPostTopicAsync(int? topicId, CancellationToken ct) => LinkTopicAsync(SupervisionRecord.Report, Id, topicId, $"/supervision/reports/{Id}", ct);
}
