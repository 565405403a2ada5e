using System.Globalization;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Meetings;

public sealed record ResolutionInput(int MeetingId, ResolutionKind Kind, string? Title, string? Text);

/// <summary>The register of resolutions and decisions (决议、决定): drafted onto an agenda, numbered when the vote adopts them, followed up.</summary>
public static class ResolutionWorkflow
{
    public const string Subject = "Resolution";
    public const string TaskSubject = "ResolutionTask";

    public static async Task<Resolution> LoadAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var r = await db.Set<Resolution>().Include(x => x.Tasks).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || r.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该决议决定。");
        return r;
    }

    /// <summary>A draft resolution or decision, put on the meeting's agenda as an item of its own.</summary>
    public static async Task<Resolution> DraftAsync(RendaDbContext db, MeetingActor actor, ResolutionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(input.Kind)) throw DomainException.Invalid("kind", "类型应为决议或决定。");
        var meeting = await MeetingWorkflow.LoadAsync(db, actor, input.MeetingId, ct);
        var r = new Resolution
        {
            CongressId = meeting.CongressId, MeetingId = meeting.Id, Kind = input.Kind,
            Title = Text.Required("title", input.Title, "标题", 200), Text = Text.Required("text", input.Text, "正文", Resolution.MaxText),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        meeting.Require(MeetingAction.DraftResolution);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(r);
        await db.SaveChangesAsync(ct);
        var item = MeetingWorkflow.AddAgendaItem(meeting, AgendaItemKind.Resolution, r.Title, Subject, r.Id);
        await db.SaveChangesAsync(ct);
        r.AgendaItemId = item.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return r;
    }

    public static async Task WithdrawAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        var votes = r.AgendaItemId is { } itemId ? await db.Set<Vote>().Where(v => v.AgendaItemId == itemId).ToListAsync(ct) : [];
        if (votes.Any(v => v.IsOpen))
            throw DomainException.Conflict("该决议决定草案正在表决，不能撤回。");
        r.Withdraw();
        foreach (var v in votes.Where(v => v.Can(VoteAction.Cancel)))
            v.Cancel();
        if (r.AgendaItemId is { } item && await db.Set<AgendaItem>().FirstOrDefaultAsync(a => a.Id == item, ct) is { Outcome: AgendaOutcome.Pending } agenda)
            agenda.RecordOutcome(AgendaOutcome.Withdrawn, "决议决定草案撤回");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A follow-up task with a clock from the adoption day to its due date.</summary>
    public static async Task<ResolutionTask> AddTaskAsync(RendaDbContext db, WorkCalendar calendar, MeetingActor actor, int id, string? description, int? unitId, string? responsible, DateOnly dueOn, CancellationToken ct)
    {
        actor.RequireStaff();
        var r = await LoadAsync(db, actor, id, ct);
        string? unitName = null;
        if (unitId is { } u)
            unitName = await db.HandlingUnits.Where(x => x.Id == u && x.CongressId == r.CongressId).Select(x => x.Name).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid("unitId", "承担单位须是本级的承办单位。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = r.AddTask(Text.Required("description", description, "落实任务", 500), unitId, unitName ?? Text.Required("responsible", responsible, "承担单位", 100), dueOn);
        await db.SaveChangesAsync(ct);
        MeetingClocks.StartFollowUp(db, calendar, r, task);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    public static async Task CompleteTaskAsync(RendaDbContext db, MeetingActor actor, int taskId, string? report, CancellationToken ct)
    {
        var task = await db.Set<ResolutionTask>().FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw DomainException.NotFound("没有找到该落实任务。");
        await LoadAsync(db, actor, task.ResolutionId, ct); // the congress check
        if (!actor.IsStaff && !(task.HandlingUnitId is { } u && actor.UnitIds.Contains(u)))
            throw DomainException.Forbidden("只有常委会工作人员或承担单位可以报告落实情况。");
        task.Complete(WorkCalendar.Today(db.Clock), Text.Required("report", report, "落实情况", 2000));
        foreach (var d in await Deadlines.RunningForAsync(db, TaskSubject, task.Id.ToString(CultureInfo.InvariantCulture), ct))
            Deadlines.Complete(db, d);
        await db.SaveChangesAsync(ct);
    }
}
