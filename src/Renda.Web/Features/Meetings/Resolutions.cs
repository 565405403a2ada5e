using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Meetings;

public sealed record ResolutionInput(int MeetingId, ResolutionKind Kind, string? Title, string? Text);

/// <summary>The register of resolutions and decisions (决议、决定): drafted onto an agenda, numbered when the vote adopts them, followed up.</summary>
public static class Resolutions
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
            CongressId = meeting.CongressId, MeetingId = meeting.Id, Kind = input.Kind, Status = ResolutionStatus.Draft,
            Title = Text.Required("title", input.Title, "标题", 200), Text = Text.Required("text", input.Text, "正文", Resolution.MaxText),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        meeting.RequireOpenForChanges("提请审议决议决定");
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
        if (r.AgendaItemId is { } itemId && await db.Set<Vote>().AnyAsync(v => v.AgendaItemId == itemId && v.Status == VoteStatus.Open, ct))
            throw DomainException.Conflict("该决议决定草案正在表决，不能撤回。");
        r.Withdraw();
        if (r.AgendaItemId is { } prepared)
            foreach (var v in await db.Set<Vote>().Where(v => v.AgendaItemId == prepared && v.Status == VoteStatus.Prepared).ToListAsync(ct))
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
        if (r.Status != ResolutionStatus.Adopted) throw DomainException.Conflict("只有已通过的决议决定才有落实任务。");
        string? unitName = null;
        if (unitId is { } u)
            unitName = await db.HandlingUnits.Where(x => x.Id == u && x.CongressId == r.CongressId).Select(x => x.Name).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid("unitId", "承担单位须是本级的承办单位。");
        if (dueOn <= r.AdoptedOn) throw DomainException.Invalid("dueOn", "完成期限应晚于决议决定通过日期。");
        if (dueOn.DayNumber - r.AdoptedOn!.Value.DayNumber > Deadlines.MaxAmount) throw DomainException.Invalid("dueOn", "完成期限过远。");
        var task = new ResolutionTask
        {
            Description = Text.Required("description", description, "落实任务", 500), HandlingUnitId = unitId,
            Responsible = unitName ?? Text.Required("responsible", responsible, "承担单位", 100), DueOn = dueOn, Status = FollowUpStatus.Open,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        r.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        Deadlines.Start(db, calendar, r.CongressId, TaskSubject, task.Id.ToString(CultureInfo.InvariantCulture), $"{r.Number}{r.Title}：{task.Description}",
            $"决议决定确定的落实期限（{dueOn:yyyy-MM-dd}）", $"{r.Title}（{r.Number}）", r.AdoptedOn.Value, PeriodUnit.CalendarDays, dueOn.DayNumber - r.AdoptedOn.Value.DayNumber,
            ownerHandlingUnitId: unitId);
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

/// <summary>Receives the vote on a resolution's agenda item: adopted ones get the next number of the year in the register.</summary>
public sealed class ResolutionSubject : IAgendaSubject
{
    public string SubjectType => Resolutions.Subject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var r = await db.Set<Resolution>().FirstAsync(x => x.Id == item.SubjectId, ct);
        var on = WorkCalendar.LocalDate(vote.ClosedAt!.Value);
        // The vote's close holds the audit lock, so the next serial cannot be taken twice.
        var serial = (await db.Set<Resolution>().Where(x => x.CongressId == r.CongressId && x.Year == on.Year).MaxAsync(x => x.Serial, ct) ?? 0) + 1;
        r.Decide(vote.Passed == true, on, serial, vote.Id);
    }
}
