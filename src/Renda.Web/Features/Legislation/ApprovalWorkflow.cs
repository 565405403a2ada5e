using System.Globalization;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Notifications;
using MeetingText = Renda.Web.Features.Meetings.Text;

namespace Renda.Web.Features.Legislation;

public sealed record FindingsInput(string? Findings, bool ConflictFound);

/// <summary>
/// 审查批准: a prefecture submits its adopted regulation to the province; the province reviews its legality within four months
/// (立法法 第八十一条), votes on it at a meeting, and the decision flows back: only an approved regulation can be promulgated.
/// </summary>
public static class ApprovalWorkflow
{
    public const string Subject = LegislationClocks.ApprovalSubject;

    /// <summary>An approval as the province sees it (its staff and members).</summary>
    public static async Task<Approval> LoadAsync(RendaDbContext db, LegislationActor actor, int id, CancellationToken ct)
    {
        var a = await db.Set<Approval>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !actor.MayRead || (a.CongressId != actor.CongressId && a.FromCongressId != actor.CongressId))
            throw DomainException.NotFound("没有找到该报批事项。");
        return a;
    }

    /// <summary>The prefecture submits its adopted bill; the province's 4-month clock starts on the day of submission.</summary>
    public static async Task<Approval> SubmitAsync(RendaDbContext db, WorkCalendar calendar, LegislationActor actor, int billId, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await BillWorkflow.LoadAsync(db, actor, billId, ct);
        var congress = await db.Congresses.FirstAsync(c => c.Id == bill.CongressId, ct);
        if (!BillWorkflow.NeedsApproval(congress) || congress.ParentId is not { } province)
            throw DomainException.Conflict("本级人大制定的法规不需要报请批准。");
        bill.SubmitForApproval();
        var today = WorkCalendar.Today(db.Clock);
        var approval = new Approval
        {
            CongressId = province, FromCongressId = congress.Id, BillId = bill.Id, SubmittedBy = congress.StandingCommitteeName, Title = bill.Title,
            Kind = bill.Kind, SubmittedOn = today, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(approval);
        await db.SaveChangesAsync(ct);
        var settings = await Settings.ForAsync<LegislationSettings>(db, province, ct);
        LegislationClocks.StartApproval(db, calendar, settings, approval);
        Notifier.Notify(db, await StaffOfAsync(db, province, ct), $"报请批准：{approval.Title}",
            $"{approval.SubmittedBy}报请批准，应在{ChineseNumerals.Of(settings.ApprovalMonths)}个月内审查批准（{Approval.Source}）。", $"/legislation/approvals/{approval.Id}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return approval;
    }

    private static async Task<List<int>> StaffOfAsync(RendaDbContext db, int congressId, CancellationToken ct)
        => await db.Accounts.Where(a => a.CongressId == congressId && a.Enabled && a.Roles.Any(r => r.Role == Role.CommitteeStaff)).Select(a => a.Id).ToListAsync(ct);

    private static async Task<Approval> OwnAsync(RendaDbContext db, LegislationActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var a = await LoadAsync(db, actor, id, ct);
        if (a.CongressId != actor.CongressId) throw DomainException.Forbidden("只有批准机关（省人大常委会）可以审查报批的法规。");
        return a;
    }

    public static async Task RecordFindingsAsync(RendaDbContext db, LegislationActor actor, int id, FindingsInput input, CancellationToken ct)
    {
        var a = await OwnAsync(db, actor, id, ct);
        a.RecordFindings(MeetingText.Required("findings", input.Findings, "合法性审查意见", 5000), input.ConflictFound);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Puts the approval on a provincial meeting (agenda item kind RegulationApproval); the vote there decides it.</summary>
    public static async Task PutOnAgendaAsync(RendaDbContext db, LegislationActor actor, int id, int meetingId, CancellationToken ct)
    {
        var a = await OwnAsync(db, actor, id, ct);
        a.RequirePutOnAgenda();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await MeetingWorkflow.AddAgendaItemAsync(db, actor.ForMeetings(), meetingId, AgendaItemKind.RegulationApproval,
            $"审查批准《{a.Title}》", Subject, a.Id, ct);
        a.PutOnAgenda(meetingId, item.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public static async Task<Vote> PrepareVoteAsync(RendaDbContext db, LegislationActor actor, int id, CancellationToken ct)
    {
        var a = await OwnAsync(db, actor, id, ct);
        var (meeting, item) = a.RequireVote();
        return await VoteWorkflow.PrepareAsync(db, actor.ForMeetings(), meeting, item, VoteKind.Whole, $"表决：关于批准《{a.Title}》的决定", null, ct);
    }

    /// <summary>The decision, applied inside the vote's close: the clock is met, the prefecture's bill may (or may not) be promulgated.</summary>
    internal static async Task DecideAsync(RendaDbContext db, Approval a, bool approved, DateOnly on, int voteId, CancellationToken ct)
    {
        a.Decide(approved, on, voteId);
        foreach (var d in await Deadlines.RunningForAsync(db, Subject, a.Id.ToString(CultureInfo.InvariantCulture), ct))
            if (LegislationClocks.Purposes.Approval.Matches(d.Purpose) || d.Purpose is null) Deadlines.Complete(db, d);
        if (a.BillId is { } billId && await db.Set<Bill>().FirstOrDefaultAsync(b => b.Id == billId, ct) is { } bill)
        {
            bill.ApprovalDecided(approved);
            Notifier.Notify(db, await StaffOfAsync(db, bill.CongressId, ct), approved ? $"已批准：{bill.Title}" : $"未批准：{bill.Title}",
                approved ? "省人大常委会已批准，可以公布施行。" : "省人大常委会未予批准。", $"/legislation/bills/{bill.Id}");
        }
    }
}
