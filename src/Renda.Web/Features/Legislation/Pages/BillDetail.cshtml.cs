using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/bills/{id} — a bill: its versions, readings, comment periods, approval, promulgation and filing.</summary>
public class BillDetailModel(RendaDbContext db, WorkCalendar calendar, IEnumerable<IUpwardFilingReceiver> receivers, Platform.Attachments.AttachmentStore store) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public BillDetail B { get; private set; } = null!;
    public List<Meeting> Meetings { get; private set; } = [];
    public List<LegislativeContactPoint> Points { get; private set; } = [];
    public List<ProvisionView> FinalArticles { get; private set; } = [];
    [BindProperty] public int[]? ContactPointIds { get; set; }
    [BindProperty] public string? NodeId { get; set; }
    public DateOnly Today => WorkCalendar.Today(Db.Clock);
    public LegislationSettings Settings { get; private set; } = new();

    [BindProperty] public string? Label { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int FromVersionId { get; set; }
    [BindProperty] public int MeetingId { get; set; }
    [BindProperty] public int VersionId { get; set; }
    [BindProperty] public bool Final { get; set; }
    [BindProperty] public string? FewerReadingsReason { get; set; }
    [BindProperty] public int ReadingId { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public string? RevisionReport { get; set; }
    [BindProperty] public string? ResultReport { get; set; }
    [BindProperty] public DateOnly OpensOn { get; set; }
    [BindProperty] public DateOnly ClosesOn { get; set; }
    [BindProperty] public string? ShortPeriodReason { get; set; }
    [BindProperty] public int AnnouncementNumber { get; set; }
    [BindProperty] public DateOnly PromulgatedOn { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        B = await LegislationQueries.BillAsync(Db, Actor, Id, ct);
        Settings = await Platform.Modules.Settings.ForAsync<LegislationSettings>(Db, Actor.CongressId, ct);
        Meetings = await LegislationQueries.OpenMeetingsAsync(Db, Actor.CongressId, ct);
        Points = await Db.Set<LegislativeContactPoint>().AsNoTracking().Where(p => p.CongressId == Actor.CongressId).OrderBy(p => p.Id).ToListAsync(ct);
        if (B.Readings.LastOrDefault() is { Final: true } final)
            FinalArticles = (await LegislationQueries.VersionAsync(Db, Actor, Id, final.VersionId, ct)).Provisions.Where(p => p.Kind == Platform.LegalText.LegalUnitKind.Article).ToList();
    }

    private string Here => $"/legislation/bills/{Id}";

    public Task<IActionResult> OnPostPasteAsync(CancellationToken ct)
    {
        BillVersion? v = null;
        return StepAsync(async a => v = await BillWorkflow.AddVersionFromTextAsync(Db, a, Id, Label, Text, ct), "文本已解析并保存为新版本。", () => $"{Here}/versions/{v!.Id}", ct);
    }

    public Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        BillVersion? v = null;
        return StepAsync(async a =>
        {
            if (Upload is null || Upload.Length == 0) throw Platform.Web.DomainException.Invalid("file", "请选择要上传的 Word 文档（.docx）。");
            await using var stream = Upload.OpenReadStream();
            v = await BillWorkflow.AddVersionFromDocxAsync(Db, store, a, Id, Label, stream, Upload.FileName, ct);
        }, "Word 文档已解析并保存为新版本。", () => $"{Here}/versions/{v!.Id}", ct);
    }

    public Task<IActionResult> OnPostDeriveAsync(CancellationToken ct)
    {
        BillVersion? v = null;
        return StepAsync(async a => v = await BillWorkflow.DeriveVersionAsync(Db, a, Id, FromVersionId, null, ct), "已生成新版本，可以修改。", () => $"{Here}/versions/{v!.Id}", ct);
    }

    public Task<IActionResult> OnPostReadingAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.ScheduleReadingAsync(Db, a, Id, new ReadingInput(MeetingId, VersionId, Final, FewerReadingsReason), ct), "已列入会议议程。", () => Here, ct);

    public Task<IActionResult> OnPostReportsAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.RecordReportsAsync(Db, a, Id, ReadingId, new ReadingReports(Explanation, ResultReport, RevisionReport), ct), "报告已保存。", () => Here, ct);

    public Task<IActionResult> OnPostVoteAsync(CancellationToken ct)
    {
        Vote? vote = null;
        return StepAsync(async a => vote = await BillWorkflow.PrepareFinalVoteAsync(Db, a, Id, ct), "表决已安排，请在会议页面开始表决。", () => $"/meetings/{vote!.MeetingId}", ct);
    }

    public Task<IActionResult> OnPostClauseAsync(CancellationToken ct)
    {
        Vote? vote = null;
        return StepAsync(async a => vote = await BillWorkflow.PrepareClauseVoteAsync(Db, a, Id, NodeId, ct), "单独表决已安排，请在会议页面开始表决。", () => $"/meetings/{vote!.MeetingId}", ct);
    }

    public Task<IActionResult> OnPostTerminateAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.TerminateAsync(Db, a, Id, null, ct), "已终止审议。", () => Here, ct);

    public Task<IActionResult> OnPostCommentAsync(CancellationToken ct)
    {
        CommentPeriod? p = null;
        return StepAsync(async a => p = await CommentPeriodWorkflow.OpenAsync(Db, a, Id, new CommentPeriodInput(VersionId, OpensOn, ClosesOn, ShortPeriodReason, ContactPointIds), ct),
            "已公开征求意见。", () => $"/legislation/comments/{p!.Id}", ct);
    }

    public Task<IActionResult> OnPostApprovalAsync(CancellationToken ct)
        => StepAsync(a => ApprovalWorkflow.SubmitAsync(Db, calendar, a, Id, ct), "已报请省人大常委会批准。", () => Here, ct);

    public Task<IActionResult> OnPostPromulgateAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.PromulgateAsync(Db, calendar, receivers, a, Id, AnnouncementNumber, PromulgatedOn, ct), "已公布，报送备案的期限已开始计算。", () => Here, ct);

    public Task<IActionResult> OnPostFilingAsync(CancellationToken ct)
        => StepAsync(a => BillWorkflow.FileUpwardAsync(Db, receivers, a, Id, ct), "已重新报送备案。", () => Here, ct);
}
