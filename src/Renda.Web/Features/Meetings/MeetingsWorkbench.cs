using System.Globalization;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings;

/// <summary>
/// The meetings' lines on the workbench: a member's open votes (the first thing in the meeting room), today's or the next
/// meeting, and for staff the votes running, the notices to send and the meetings' and appointments' clocks.
/// </summary>
public sealed class MeetingsWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        var staff = user.Has(Role.CommitteeStaff);
        var member = user.Has(Role.StandingCommitteeMember) || user.Has(Role.ChairpersonsCouncilMember);
        if (!staff && !member) return [];
        var items = new List<WorkItem>();
        var casting = Vote.Machine.StatesFor(VoteAction.Cast).ToList();
        var meetings = db.Set<Meeting>().AsNoTracking().Where(m => m.CongressId == congress);

        if (member && user.PersonId is { } person)
        {
            var votes = await db.Set<Vote>().AsNoTracking().Where(v => casting.Contains(v.Status) && meetings.Any(m => m.Id == v.MeetingId)
                    && v.Members.Any(m => m.PersonId == person && m.Present)
                    && !db.Set<VoteBallot>().Any(b => b.VoteId == v.Id && b.PersonId == person))
                .OrderBy(v => v.OpenedAt).ThenBy(v => v.Id).Select(v => new { v.Id, v.Title }).ToListAsync(ct);
            foreach (var v in votes)
                items.Add(new WorkItem("请投票", v.Title, $"/votes/{v.Id}", null, ClockState.None, Urgency.Now));
        }
        if (staff)
        {
            var running = await db.Set<Vote>().AsNoTracking().Where(v => casting.Contains(v.Status) && meetings.Any(m => m.Id == v.MeetingId))
                .OrderBy(v => v.OpenedAt).ThenBy(v => v.Id).Select(v => new { v.Id, v.Title }).ToListAsync(ct);
            foreach (var v in running)
                items.Add(new WorkItem("表决进行中", v.Title, $"/votes/{v.Id}", null, ClockState.None, Urgency.Now));
            var noticing = Meeting.Machine.StatesFor(MeetingAction.SendNotice).ToList();
            var toNotify = await meetings.Where(m => noticing.Contains(m.Status) && m.StartsOn >= today).OrderBy(m => m.StartsOn).ThenBy(m => m.Id)
                .Take(Workbench.PerKind).Select(m => new { m.Id, m.Title }).ToListAsync(ct);
            foreach (var m in toNotify)
                items.Add(new WorkItem("待发会议通知", m.Title, $"/meetings/{m.Id}", null, ClockState.None, Urgency.Decide));
            // The module's clocks: the oath after an appointment, and the follow-up of a resolution's tasks.
            items.AddRange(await Workbench.ClocksAsync(db, congress, AppointmentWorkflow.Subject, today, null, ct));
            items.AddRange(await Workbench.ClocksAsync(db, congress, ResolutionWorkflow.TaskSubject, today, null, ct));
        }

        // Today's meeting, or else the next one: where the day's work is.
        var notOver = Meeting.Machine.StatesFor(MeetingAction.AddAgendaItem).ToList();
        var next = await meetings.Where(m => m.EndsOn >= today && notOver.Contains(m.Status))
            .OrderBy(m => m.StartsOn).ThenBy(m => m.Id).Select(m => new { m.Id, m.Title, m.StartsOn, m.EndsOn, m.Place }).FirstOrDefaultAsync(ct);
        if (next is not null)
        {
            var now = next.StartsOn <= today;
            items.Add(new WorkItem(now ? "今日会议" : "下次会议",
                $"{next.Title}（{next.StartsOn.ToString("M月d日", CultureInfo.InvariantCulture)}{(next.EndsOn > next.StartsOn ? "—" + next.EndsOn.ToString("M月d日", CultureInfo.InvariantCulture) : "")}，{next.Place}）",
                // In session it is where the day is spent, but a ballot or appraisal waiting in it comes first.
                $"/meetings/{next.Id}", null, ClockState.None, now ? Urgency.Now - 2 : Urgency.Know));
        }
        return items;
    }
}
