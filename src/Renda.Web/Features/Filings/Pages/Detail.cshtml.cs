using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Filings.Pages;

/// <summary>/filings/{id} — one filing: the document, its intake and clocks, its reviews with findings, the communication log and the outcome.</summary>
public class DetailModel(RendaDbContext db, WorkCalendar calendar) : FilingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public FilingView F { get; private set; } = null!;
    public List<(int Id, string Name)> Committees { get; private set; } = [];
    public List<(int Id, string Title)> Meetings { get; private set; } = [];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int? CommitteeId { get; set; }
    [BindProperty] public int? MeetingId { get; set; }
    [BindProperty] public FindingForm Finding { get; set; } = new();
    [BindProperty] public CommunicationForm Log { get; set; } = new();
    [BindProperty] public CloseForm Closing { get; set; } = new();
    [BindProperty] public ReviewMode RequestMode { get; set; } = ReviewMode.Request;

    public sealed class FindingForm { public ReviewStandard Standard { get; set; } public bool Problem { get; set; } public string? Ground { get; set; } public string? Note { get; set; } }
    public sealed class CommunicationForm { public CommunicationKind Kind { get; set; } public string? Text { get; set; } public DateOnly? On { get; set; } }
    public sealed class CloseForm { public ReviewOutcome? Outcome { get; set; } public string? Note { get; set; } public string? CorrectionDocument { get; set; } public int? CorrectionFilingId { get; set; } }

    protected override bool Allowed => true; // the filer sees its own filing; LoadAsync refuses others (404)

    protected override async Task LoadAsync(CancellationToken ct)
    {
        F = await FilingQueries.DetailAsync(Db, Actor, Id, ct);
        if (!Actor.MayRead(F.CongressId)) return;
        Committees = (await Db.Committees.AsNoTracking().Where(c => c.CongressId == F.CongressId).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        Meetings = (await MeetingQueries.AllowingAsync(Db, F.CongressId, MeetingAction.AddAgendaItem, ct)).Select(m => (m.Id, m.Title)).ToList();
    }

    public bool IsStaff => Actor.IsStaff && F.CongressId == Actor.CongressId;
    private string Back(string anchor = "") => $"/filings/{Id}{anchor}";

    public Task<IActionResult> OnPostReceiveAsync(CancellationToken ct) => StepAsync(a => FilingWorkflow.ReceiveAsync(Db, calendar, a, Id, ct), "已登记并发出备案回执，主动审查已开始。", () => Back(), ct);
    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => StepAsync(a => FilingWorkflow.ReturnAsync(Db, calendar, a, Id, Text, ct), "已退回报备机关补正。", () => Back(), ct);
    public Task<IActionResult> OnPostReferAsync(CancellationToken ct) => StepAsync(a => FilingWorkflow.ReferAsync(Db, a, Id, Text, ct), "已移交有权机关。", () => Back(), ct);
    public Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
        => StepAsync(a => ReviewWorkflow.StartAsync(Db, calendar, a, Id, new ReviewInput(RequestMode, Text), ct), "审查已登记。", () => Back("#reviews"), ct);
    public Task<IActionResult> OnPostPassAsync(int reviewId, CancellationToken ct) => StepAsync(a => ReviewWorkflow.PassAsync(Db, calendar, a, reviewId, CommitteeId, ct), "已移交专门委员会审查，审查期限开始计算。", () => Back($"#review-{reviewId}"), ct);
    public Task<IActionResult> OnPostExtendAsync(int reviewId, CancellationToken ct) => StepAsync(a => ReviewWorkflow.ExtendAsync(Db, calendar, a, reviewId, Text, ct), "审查期限已延长三个月。", () => Back($"#review-{reviewId}"), ct);
    public Task<IActionResult> OnPostFindingAsync(int reviewId, CancellationToken ct)
        => StepAsync(a => ReviewWorkflow.RecordFindingAsync(Db, a, reviewId, new FindingInput(Finding.Standard, Finding.Problem, Finding.Ground, Finding.Note), ct), "审查意见已登记。", () => Back($"#review-{reviewId}"), ct);
    public Task<IActionResult> OnPostLogAsync(int reviewId, CancellationToken ct)
        => StepAsync(a => ReviewWorkflow.CommunicateAsync(Db, calendar, a, reviewId, new CommunicationInput(Log.Kind, Log.Text, Log.On), ct), "已记入沟通记录。", () => Back($"#review-{reviewId}"), ct);
    public Task<IActionResult> OnPostCloseAsync(int reviewId, CancellationToken ct)
        => StepAsync(a => ReviewWorkflow.CloseAsync(Db, a, reviewId, new CloseInput(Closing.Outcome, Closing.Note, Closing.CorrectionFilingId, Closing.CorrectionDocument), ct), "审查已结束，文件已归档。", () => Back(), ct);
    public Task<IActionResult> OnPostReferReviewAsync(int reviewId, CancellationToken ct) => StepAsync(a => ReviewWorkflow.ReferAsync(Db, a, reviewId, Text, ct), "已移送。", () => Back(), ct);
    public Task<IActionResult> OnPostAgendaAsync(int reviewId, CancellationToken ct)
        => StepAsync(a => MeetingId is { } m ? ReviewWorkflow.PutOnAgendaAsync(Db, a, Current, reviewId, m, ct) : throw Platform.Web.DomainException.Invalid("meetingId", "请选择常委会会议。"),
            "已提请常委会会议审议撤销。", () => Back($"#review-{reviewId}"), ct);
}
