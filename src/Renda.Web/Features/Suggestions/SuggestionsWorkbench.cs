using System.Globalization;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// The suggestions' lines on the workbench: staff take in, assign and reassign; a unit answers; a deputy rates, answers an
/// invitation to co-sign and follows their own; the Council of Chairpersons follows the key suggestions. Which states wait for
/// which step is read from the tables (<see cref="Suggestion.Machine"/>), never listed here.
/// </summary>
public sealed class SuggestionsWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        var items = new List<WorkItem>();
        var all = db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == congress);
        static string Href(int id) => $"/suggestions/{id}";
        static string Name(string? number, string title) => $"{number} {title}";

        if (user.Has(Role.CommitteeStaff))
        {
            var accepting = Suggestion.Machine.StatesFor(SuggestionAction.Accept).ToList();
            var assigning = Suggestion.Machine.StatesFor(SuggestionAction.Assign).ToList();
            var reassigning = Suggestion.Machine.StatesFor(SuggestionAction.Reassign).ToList();
            var waiting = await all.Where(s => assigning.Contains(s.Status) || reassigning.Contains(s.Status))
                .OrderBy(s => s.ReceivedOn).ThenBy(s => s.Id).Take(Workbench.PerKind * 3)
                .Select(s => new { s.Id, s.Number, s.Title, s.Status }).ToListAsync(ct);
            // The intake clock (交办期限) of each: its due date orders the queue.
            var ids = waiting.Select(s => Key(s.Id)).ToList();
            var dues = await db.Deadlines.AsNoTracking().Where(d => d.CongressId == congress && d.SubjectType == SuggestionWorkflow.Subject && ids.Contains(d.SubjectId)
                    && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
                .GroupBy(d => d.SubjectId).Select(g => new { g.Key, Due = g.Min(d => d.DueOn) }).ToDictionaryAsync(g => g.Key, g => g.Due, ct);
            foreach (var s in waiting)
            {
                var kind = accepting.Contains(s.Status) ? "待受理" : reassigning.Contains(s.Status) ? "待重新交办" : "待交办";
                items.Add(WorkItem.Due(kind, Name(s.Number, s.Title), Href(s.Id), dues.TryGetValue(Key(s.Id), out var d) ? d : null, today, Urgency.Decide));
            }
            // The units' answers overdue or due this week, which staff chase.
            items.AddRange(await Workbench.ClocksAsync(db, congress, SuggestionWorkflow.Subject, today, null, ct));
        }

        var units = user.HandlingUnitIds.ToList();
        if (user.Has(Role.HandlingUnitOfficer) && units.Count > 0)
        {
            var answering = Suggestion.Machine.StatesFor(SuggestionAction.Answer).ToList();
            var handling = SuggestionAssignment.Machine.StatesFor(AssignmentAction.Answer).ToList();
            var toAnswer = await all.Where(s => answering.Contains(s.Status)
                    && s.Assignments.Any(a => units.Contains(a.HandlingUnitId) && handling.Contains(a.Status)))
                .OrderBy(s => s.AnswerDueOn).ThenBy(s => s.Id).Take(Workbench.PerKind * 2)
                .Select(s => new { s.Id, s.Number, s.Title, s.AnswerDueOn, Lead = s.Assignments.Any(a => units.Contains(a.HandlingUnitId) && handling.Contains(a.Status) && a.Role != AssignmentRole.Co) })
                .ToListAsync(ct);
            foreach (var s in toAnswer)
                items.Add(WorkItem.Due(s.Lead ? "待答复" : "待提出协办意见", Name(s.Number, s.Title), Href(s.Id), s.AnswerDueOn, today, Urgency.Act));
        }

        if (user.Has(Role.Deputy) && user.PersonId is { } person)
        {
            var deputyIds = await db.Deputies.AsNoTracking().Where(d => d.CongressId == congress && d.PersonId == person).Select(d => d.Id).ToListAsync(ct);
            var rating = Suggestion.Machine.StatesFor(SuggestionAction.Rate).ToList();
            var toRate = await all.Where(s => deputyIds.Contains(s.LeadDeputyId) && rating.Contains(s.Status)
                    && !s.Ratings.Any(r => r.Round == s.Round && deputyIds.Contains(r.DeputyId)))
                .OrderBy(s => s.AnsweredOn).ThenBy(s => s.Id).Take(Workbench.PerKind).Select(s => new { s.Id, s.Number, s.Title }).ToListAsync(ct);
            var rateDues = await RatingDuesAsync(db, congress, toRate.Select(s => s.Id), ct);
            foreach (var s in toRate)
                items.Add(WorkItem.Due("请评价", Name(s.Number, s.Title), Href(s.Id), rateDues.GetValueOrDefault(Key(s.Id)), today, Urgency.Act));

            var responding = Suggestion.Machine.StatesFor(SuggestionAction.RespondToInvitation).ToList();
            var invited = CoSignerStatusAwaiting;
            var invitations = await all.Where(s => responding.Contains(s.Status) && s.Signers.Any(g => deputyIds.Contains(g.DeputyId) && invited.Contains(g.Status)))
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(Workbench.PerKind).Select(s => new { s.Id, s.Title }).ToListAsync(ct);
            foreach (var s in invitations)
                items.Add(new WorkItem("附议邀请", s.Title, Href(s.Id), null, ClockState.None, Urgency.Act));

            var submitting = Suggestion.Machine.StatesFor(SuggestionAction.Submit).ToList();
            var running = Suggestion.Machine.StatesFor(SuggestionAction.DesignateKey).Except(rating).ToList();
            var mine = await all.Where(s => deputyIds.Contains(s.LeadDeputyId) && (running.Contains(s.Status) || submitting.Contains(s.Status)))
                .OrderBy(s => s.AnswerDueOn).ThenBy(s => s.Id).Take(Workbench.PerKind).Select(s => new { s.Id, s.Number, s.Title, s.Status, s.AnswerDueOn }).ToListAsync(ct);
            foreach (var s in mine)
                items.Add(submitting.Contains(s.Status)
                    ? new WorkItem("草稿待提交", s.Title, Href(s.Id), null, ClockState.None, Urgency.Decide)
                    // Progress only: the deputy cannot act on it, so its answer date is shown but does not make it urgent.
                    : new WorkItem($"我的建议：{SuggestionLabels.Of(s.Status)}", Name(s.Number, s.Title), Href(s.Id), s.AnswerDueOn, s.AnswerDueOn is null ? ClockState.None : ClockState.Later, Urgency.Know));
        }

        if (user.Has(Role.ChairpersonsCouncilMember))
        {
            var open = Suggestion.Machine.StatesFor(SuggestionAction.DesignateKey).ToList();
            var key = await all.Where(s => s.IsKey && open.Contains(s.Status)).OrderBy(s => s.AnswerDueOn).ThenBy(s => s.Id).Take(Workbench.PerKind)
                .Select(s => new { s.Id, s.Number, s.Title, s.AnswerDueOn, s.KeyLeader }).ToListAsync(ct);
            foreach (var s in key)
                items.Add(WorkItem.Due("重点督办", $"{Name(s.Number, s.Title)}{(s.KeyLeader is null ? "" : $"（{s.KeyLeader}领衔督办）")}", Href(s.Id), s.AnswerDueOn, today, Urgency.Decide));
            // Clocks escalated to the Council of Chairpersons (the third level).
            var escalated = await db.Deadlines.AsNoTracking().Where(d => d.CongressId == congress && d.SubjectType == SuggestionWorkflow.Subject && d.EscalationLevel >= 3
                    && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
                .OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(Workbench.PerKind).Select(d => new { d.SubjectId, d.Title, d.DueOn }).ToListAsync(ct);
            foreach (var d in escalated)
                items.Add(WorkItem.Due("已提请主任会议", d.Title, $"/suggestions/{d.SubjectId}", d.DueOn, today, Urgency.Decide));
        }
        return items;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static readonly List<CoSignerStatus> CoSignerStatusAwaiting = SuggestionSigner.Machine.StatesFor(CoSignerAction.Confirm).ToList();

    private static async Task<Dictionary<string, DateOnly>> RatingDuesAsync(RendaDbContext db, int congress, IEnumerable<int> ids, CancellationToken ct)
    {
        var keys = ids.Select(Key).ToList();
        return await db.Deadlines.AsNoTracking().Where(d => d.CongressId == congress && d.SubjectType == SuggestionWorkflow.Subject && keys.Contains(d.SubjectId)
                && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
            .GroupBy(d => d.SubjectId).Select(g => new { g.Key, Due = g.Min(d => d.DueOn) }).ToDictionaryAsync(g => g.Key, g => g.Due, ct);
    }
}
