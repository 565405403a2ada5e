using Renda.Web.Features.Meetings;

namespace Renda.Web.Features.Supervision;

/// <summary>The vote on a report that needs approval (final accounts, budget adjustment) decides it; the organ is told.</summary>
public sealed class WorkReportApprovalSubject : IAgendaSubject
{
    public string SubjectType => WorkReport.Subject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var r = await db.Set<WorkReport>().FirstOrDefaultAsync(x => x.Id == item.SubjectId, ct);
        if (r is null || !WorkReport.NeedsApproval(r.Kind)) return;
        var today = WorkCalendar.Today(db.Clock);
        var wasHeard = r.HeardOn is not null;
        r.RecordApproval(vote.Passed == true, today);
        if (!wasHeard && r.HeardOn is not null)
            await WorkReportWorkflow.StartOpinionsClockAsync(db, calendar, r, today, ct);
        WorkReportWorkflow.NotifyOrgan(db, r, $"{(vote.Passed == true ? "已批准" : "未获批准")}：{(r.Title.Length > 80 ? r.Title[..80] : r.Title)}",
            $"常委会会议表决：{item.OutcomeNote}。");
    }
}
