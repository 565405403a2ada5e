using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/votes/{id} — a member votes from the phone in the meeting room; staff open and close the vote; afterwards the result sheet.</summary>
public class VotePageModel(RendaDbContext db, WorkCalendar calendar, IEnumerable<IAgendaSubject> subjects) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public VoteView V { get; private set; } = null!;
    /// <summary>The choice made and not yet confirmed: a ballot cannot be changed, so the page shows it and asks once more.</summary>
    public BallotChoice? Choosing { get; private set; }
    /// <summary>Why staff close while present members have not voted (kept on the vote and in the audit chain).</summary>
    [BindProperty] public string? EarlyCloseReason { get; set; }
    /// <summary>Staff are about to close (?closing=true, or a refused close shown again): the confirmation instead of the live count.</summary>
    [BindProperty(SupportsGet = true)] public bool Closing { get; set; }

    protected override async Task LoadAsync(CancellationToken ct) => V = await MeetingQueries.VoteAsync(Db, Actor, Id, ct);

    /// <summary>First the choice (shown back with 确认投票 / 返回修改), then, with confirmed=true, the ballot. No script needed.</summary>
    public async Task<IActionResult> OnPostCastAsync(BallotChoice choice, bool confirmed, CancellationToken ct)
    {
        if (confirmed)
            return await StepAsync(a => VoteWorkflow.CastAsync(Db, a, Id, choice, ct), $"您的表决（{MeetingLabels.Of(choice)}）已记录。", () => $"/votes/{Id}", ct);
        if (!MayOpen) return Forbid();
        if (!Enum.IsDefined(choice)) return BadRequest();
        await LoadAsync(ct);
        Choosing = choice;
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.OpenAsync(Db, a, Id, ct), "表决开始。", () => $"/votes/{Id}", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        Closing = true;
        return StepAsync(a => VoteWorkflow.CloseAsync(Db, calendar, subjects, a, Id, EarlyCloseReason, ct), "表决结束，结果已生成。", () => $"/votes/{Id}", ct);
    }

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
        => StepAsync(a => VoteWorkflow.CancelAsync(Db, a, Id, ct), "表决已取消。", () => $"/votes/{Id}", ct);
}
