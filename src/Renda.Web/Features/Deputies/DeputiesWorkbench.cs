using System.Globalization;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// Deputies' work on the workbench: a deputy's coming receptions, trainings and forums; staff route the constituents' opinions,
/// record the feedback, decide on archive corrections and see who is short of receptions; a unit answers the opinions referred to it.
/// </summary>
public sealed class DeputiesWorkbench : IWorkbenchItems
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(RendaDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        if (user.CongressId is not { } congress) return [];
        var items = new List<WorkItem>();
        var opinions = db.Set<ConstituentOpinion>().AsNoTracking().Where(o => o.CongressId == congress);
        static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

        if (user.Has(Role.Deputy) && user.PersonId is { } person)
        {
            var deputyIds = await db.Deputies.AsNoTracking().Where(d => d.CongressId == congress && d.PersonId == person).Select(d => d.Id).ToListAsync(ct);
            var receiving = ReceptionDay.Machine.StatesFor(ReceptionAction.Close).ToList();
            var receptions = await db.Set<ReceptionDay>().AsNoTracking().Where(r => r.CongressId == congress && receiving.Contains(r.Status) && r.On >= today
                    && r.Attendees.Any(a => a.PersonId == person))
                .OrderBy(r => r.On).ThenBy(r => r.Id).Take(Workbench.PerKind)
                .Select(r => new { r.Id, r.On, r.Time, r.Topic, Station = db.Set<LiaisonStation>().Where(s => s.Id == r.StationId).Select(s => s.Name).FirstOrDefault() })
                .ToListAsync(ct);
            foreach (var r in receptions)
                items.Add(WorkItem.Due("接待群众", $"{r.Station} {r.On.ToString("M月d日", CultureInfo.InvariantCulture)} {r.Time}{(r.Topic is null ? "" : "：" + r.Topic)}", "/deputies/my-receptions", r.On, today, Urgency.Act));
            var planned = Training.Machine.StatesFor(TrainingAction.Complete).ToList();
            var trainings = await db.Set<Training>().AsNoTracking().Where(t => t.CongressId == congress && planned.Contains(t.Status) && t.EndsOn >= today
                    && t.Trainees.Any(x => x.DeputyId != null && deputyIds.Contains(x.DeputyId.Value)))
                .OrderBy(t => t.StartsOn).ThenBy(t => t.Id).Take(Workbench.PerKind).Select(t => new { t.Id, t.Title, t.StartsOn }).ToListAsync(ct);
            foreach (var t in trainings)
                items.Add(new WorkItem("培训邀请", $"{t.Title}（{t.StartsOn.ToString("M月d日", CultureInfo.InvariantCulture)}开班）", "/deputies/me", null, ClockState.None, Urgency.Know));
            var forums = await db.Set<Forum>().AsNoTracking().Where(f => f.CongressId == congress && f.HeldOn >= today
                    && f.Participants.Any(p => p.DeputyId != null && deputyIds.Contains(p.DeputyId.Value)))
                .OrderBy(f => f.HeldOn).ThenBy(f => f.Id).Take(Workbench.PerKind).Select(f => new { f.Id, f.Theme, f.HeldOn }).ToListAsync(ct);
            foreach (var f in forums)
                items.Add(new WorkItem("论坛邀请", $"{f.Theme}（{f.HeldOn.ToString("M月d日", CultureInfo.InvariantCulture)}）", "/deputies/me", null, ClockState.None, Urgency.Know));
        }

        if (user.Has(Role.CommitteeStaff))
        {
            var routing = ConstituentOpinion.Machine.StatesFor(OpinionAction.Refer).ToList();
            var feedback = ConstituentOpinion.Machine.StatesFor(OpinionAction.RecordFeedback).ToList();
            var waiting = await opinions.Where(o => routing.Contains(o.Status) || feedback.Contains(o.Status))
                .OrderBy(o => o.ReceivedOn).ThenBy(o => o.Id).Take(Workbench.PerKind).Select(o => new { o.Id, o.Content, o.Status }).ToListAsync(ct);
            foreach (var o in waiting)
                items.Add(new WorkItem(routing.Contains(o.Status) ? "群众意见待处理" : "待向群众反馈", Short(o.Content), $"/deputies/opinions/{o.Id}", null, ClockState.None, Urgency.Decide));
            items.AddRange(await Workbench.ClocksAsync(db, congress, ConstituentOpinionWorkflow.Subject, today, null, ct));
            var deciding = DutyCorrectionRequest.Machine.StatesFor(DutyCorrectionAction.Accept).ToList();
            var corrections = await db.Set<DutyCorrectionRequest>().CountAsync(c => c.CongressId == congress && deciding.Contains(c.Status), ct);
            if (corrections > 0)
                items.Add(new WorkItem("档案更正待审核", $"{corrections} 件履职档案更正申请", "/deputies/corrections", null, ClockState.None, Urgency.Decide));
        }
        if (user.Has(Role.CommitteeStaff) || user.Has(Role.ChairpersonsCouncilMember))
        {
            var settings = await Settings.ForAsync<DeputySettings>(db, congress, ct);
            if (ReceptionReminders.Due(settings, today))
            {
                var below = await ReceptionReminders.BelowMinimumAsync(db, congress, today.Year, settings.ReceptionsPerDeputyPerYear, ct);
                if (below.Count > 0)
                    items.Add(new WorkItem("接待次数不足", $"本年接待群众少于 {settings.ReceptionsPerDeputyPerYear} 次的代表 {below.Count} 名", "/deputies/receptions?below=true", null, ClockState.None, Urgency.Know));
            }
        }

        var units = user.HandlingUnitIds.ToList();
        if (user.Has(Role.HandlingUnitOfficer) && units.Count > 0)
        {
            var answering = ConstituentOpinion.Machine.StatesFor(OpinionAction.AnswerReferral).ToList();
            var referred = await opinions.Where(o => answering.Contains(o.Status) && o.HandlingUnitId != null && units.Contains(o.HandlingUnitId.Value))
                .OrderBy(o => o.RoutedOn).ThenBy(o => o.Id).Take(Workbench.PerKind).Select(o => new { o.Id, o.Content }).ToListAsync(ct);
            var keys = referred.Select(o => o.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            var dues = await db.Deadlines.AsNoTracking().Where(d => d.CongressId == congress && d.SubjectType == ConstituentOpinionWorkflow.Subject && keys.Contains(d.SubjectId)
                    && (d.Status == Platform.Deadlines.DeadlineStatus.Open || d.Status == Platform.Deadlines.DeadlineStatus.Overdue))
                .GroupBy(d => d.SubjectId).Select(g => new { g.Key, Due = g.Min(d => d.DueOn) }).ToDictionaryAsync(g => g.Key, g => g.Due, ct);
            foreach (var o in referred)
                items.Add(WorkItem.Due("转办意见待答复", Short(o.Content), $"/deputies/opinions/{o.Id}", dues.GetValueOrDefault(o.Id.ToString(CultureInfo.InvariantCulture)), today, Urgency.Act));
        }
        return items;
    }
}
