using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/resolutions/{id} — one resolution or decision: text, vote, follow-up tasks and their reports.</summary>
public class ResolutionDetailModel(RendaDbContext db, WorkCalendar calendar) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ResolutionView R { get; private set; } = null!;
    public List<(int Id, string Name)> Units { get; private set; } = [];

    [BindProperty] public TaskForm NewTask { get; set; } = new();
    public sealed class TaskForm { public string? Description { get; set; } public int? UnitId { get; set; } public string? Responsible { get; set; } public DateOnly? DueOn { get; set; } }
    [BindProperty] public string? Report { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        R = await MeetingQueries.ResolutionAsync(Db, Actor, Id, ct);
        Units = (await Db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == Actor.CongressId && u.Active).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
    }

    public Task<IActionResult> OnPostTaskAsync(CancellationToken ct) => StepAsync(a =>
    {
        if (NewTask.DueOn is not { } due) throw DomainException.Invalid("dueOn", "请填写完成期限。");
        return ResolutionWorkflow.AddTaskAsync(Db, calendar, a, Id, NewTask.Description, NewTask.UnitId, NewTask.Responsible, due, ct);
    }, "落实任务已登记，期限已开始计算。", () => $"/resolutions/{Id}#tasks", ct);

    public Task<IActionResult> OnPostDoneAsync(int taskId, CancellationToken ct)
        => StepAsync(a => ResolutionWorkflow.CompleteTaskAsync(Db, a, taskId, Report, ct), "落实情况已报告。", () => $"/resolutions/{Id}#tasks", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
        => StepAsync(a => ResolutionWorkflow.WithdrawAsync(Db, a, Id, ct), "草案已撤回。", () => $"/resolutions/{Id}", ct);
}
