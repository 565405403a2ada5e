using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/votes/{id} — a member votes from the phone in the meeting room; staff open and close the vote; afterwards the result sheet.</summary>
public class VotePageModel(RendaDbContext db, WorkCalendar calendar, IEnumerable<IAgendaSubject> subjects) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public VoteView V { get; private set; } = null!;

    protected override async Task LoadAsync(CancellationToken ct) => V = await MeetingQueries.VoteAsync(Db, Actor, Id, ct);

    public Task<IActionResult> OnPostCastAsync(BallotChoice choice, CancellationToken ct)
        => StepAsync(a => VoteWorkflow.CastAsync(Db, a, Id, choice, ct), $"您的表决（{MeetingLabels.Of(choice)}）已记录。", () => $"/votes/{Id}", ct);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.OpenAsync(Db, a, Id, ct), "表决开始。", () => $"/votes/{Id}", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.CloseAsync(Db, calendar, subjects, a, Id, ct), "表决结束，结果已生成。", () => $"/votes/{Id}", ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.CancelAsync(Db, a, Id, ct), "表决已取消。", () => $"/votes/{Id}", ct);
}
