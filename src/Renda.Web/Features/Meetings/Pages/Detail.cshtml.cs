using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/meetings/{id} — one meeting: notice, agenda, attendance, non-voting attendees, votes, resolutions, minutes, documents.</summary>
public class MeetingDetailModel(RendaDbContext db, IEnumerable<IAgendaSubject> subjects) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public MeetingDetail M { get; private set; } = null!;
    public List<AppointmentView> Appointments { get; private set; } = [];
    public MeetingSettings Periods { get; private set; } = new();

    [BindProperty] public string? ShortNoticeReason { get; set; }
    [BindProperty] public AgendaForm Item { get; set; } = new();
    [BindProperty] public List<AttendanceRow> Attendance { get; set; } = [];
    [BindProperty] public AttendeeForm Attendee { get; set; } = new();
    [BindProperty] public VoteForm NewVote { get; set; } = new();
    [BindProperty] public ResolutionForm Draft { get; set; } = new();
    [BindProperty] public string? Minutes { get; set; }

    public sealed class AgendaForm { public AgendaItemKind Kind { get; set; } = AgendaItemKind.WorkReport; public string? Title { get; set; } }
    public sealed class AttendanceRow { public int PersonId { get; set; } public AttendanceStatus? Status { get; set; } public string? Note { get; set; } }
    public sealed class AttendeeForm { public AttendeeKind Kind { get; set; } public string? Name { get; set; } public string? Organisation { get; set; } public int? DeputyId { get; set; } }
    public sealed class VoteForm { public int? AgendaItemId { get; set; } public VoteKind Kind { get; set; } public string? Title { get; set; } public List<int> AppointmentIds { get; set; } = []; }
    public sealed class ResolutionForm { public ResolutionKind Kind { get; set; } public string? Title { get; set; } public string? Text { get; set; } }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        M = await MeetingQueries.DetailAsync(Db, Actor, Id, ct);
        Periods = await Settings.ForAsync<MeetingSettings>(Db, Actor.CongressId, ct);
        Appointments = await MeetingQueries.AppointmentsAsync(Db, Actor.CongressId, null, Id, ct);
        Minutes ??= M.Minutes;
    }

    private string Here(string fragment) => $"/meetings/{Id}#{fragment}";

    public Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.SendNoticeAsync(Db, a, Id, ShortNoticeReason, ct), "会议通知已发给全体常委会组成人员。", () => Here("status"), ct);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.OpenAsync(Db, a, Id, ct), "会议开始。", () => Here("status"), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.CloseAsync(Db, a, Id, ct), "会议已闭会。", () => Here("status"), ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.CancelAsync(Db, a, Id, ct), "会议已取消。", () => Here("status"), ct);

    public Task<IActionResult> OnPostAgendaAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.AddAgendaItemAsync(Db, a, Id, Item.Kind, Item.Title ?? "", null, null, ct), "议题已列入议程。", () => Here("agenda"), ct);

    public Task<IActionResult> OnPostOutcomeAsync(int itemId, AgendaOutcome outcome, CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.RecordOutcomeAsync(Db, a, Id, itemId, outcome, null, ct), "已记录议题结果。", () => Here("agenda"), ct);

    public Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.RecordAttendanceAsync(Db, a, Id,
            Attendance.Where(r => r.Status is not null).Select(r => new AttendanceEntry(r.PersonId, r.Status!.Value, r.Note)).ToList(), ct), "出席情况已保存。", () => Here("attendance"), ct);

    public Task<IActionResult> OnPostAllPresentAsync(CancellationToken ct) => StepAsync(async a =>
    {
        var seated = (await MeetingQueries.DetailAsync(Db, a, Id, ct)).Attendance;
        await MeetingWorkflow.RecordAttendanceAsync(Db, a, Id, seated.Where(s => s.Status is null).Select(s => new AttendanceEntry(s.PersonId, AttendanceStatus.Present, null)).ToList(), ct);
    }, "未登记的组成人员已全部登记为出席。", () => Here("attendance"), ct);

    public Task<IActionResult> OnPostAttendeeAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.AddAttendeeAsync(Db, a, Id, Attendee.Kind, Attendee.Name, Attendee.Organisation, Attendee.DeputyId, ct), "列席人员已登记。", () => Here("attendees"), ct);

    public Task<IActionResult> OnPostVoteAsync(CancellationToken ct)
    {
        Vote? vote = null;
        return StepAsync(async a =>
        {
            if (NewVote.AgendaItemId is not { } item) throw DomainException.Invalid("agendaItemId", "请选择表决的议题。");
            vote = await VoteWorkflow.PrepareAsync(Db, a, Id, item, NewVote.Kind, NewVote.Title, NewVote.AppointmentIds, ct, subjects);
        }, "表决已安排，请在会上开始表决。", () => $"/votes/{vote!.Id}", ct);
    }

    public Task<IActionResult> OnPostResolutionAsync(CancellationToken ct)
    {
        Resolution? r = null;
        return StepAsync(async a => r = await ResolutionWorkflow.DraftAsync(Db, a, new ResolutionInput(Id, Draft.Kind, Draft.Title, Draft.Text), ct),
            "决议决定草案已列入议程。", () => Here("agenda"), ct);
    }

    public Task<IActionResult> OnPostMinutesAsync(CancellationToken ct)
        => StepAsync(a => MeetingWorkflow.RecordMinutesAsync(Db, a, Id, Minutes, ct), "会议纪要已保存。", () => Here("minutes"), ct);
}
