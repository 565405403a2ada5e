using Renda.Web.Platform.People;
using Renda.Web.Features.Legislation;
using Renda.Web.Features.Meetings;
using Renda.Web.Features.Suggestions;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Cli;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// Creates the duty records the modules' existing data implies and the archive lacks (records written before a module wrote
/// them at the event): suggestions led and co-signed, meeting invitations and absences (of members who hold a deputy's
/// mandate and of invited deputies), inspections, surveys, questions asked at special inquiries by deputies, comments on
/// drafts, contact-point consultations the named deputies took part in, interpellations, livelihood ballots. Idempotent: a
/// record is identified by (DeputyId, Kind, SourceType, SourceId). It also takes back the 列席 record of an invited deputy
/// recorded on leave or absent (the one correction the data implies). Receptions, trainings and the like are written by
/// their own parts of this module.
/// </summary>
public static class DutyArchiveBackfill
{
    private sealed record Wanted(int DeputyId, DateOnly On, string Kind, string Title, string SourceType, int SourceId);

    public static async Task<int> RunAsync(RendaDbContext db, CancellationToken ct = default)
    {
        var wanted = new List<Wanted>();
        var suggestions = await db.Set<Suggestion>().AsNoTracking().Where(s => s.ReceivedOn != null)
            .Select(s => new { s.Id, s.Title, s.LeadDeputyId, ReceivedOn = s.ReceivedOn!.Value }).ToListAsync(ct);
        wanted.AddRange(suggestions.Select(s => new Wanted(s.LeadDeputyId, s.ReceivedOn, DutyKinds.SuggestionLead, s.Title, SuggestionWorkflow.Subject, s.Id)));
        wanted.AddRange(await (from x in db.Set<SuggestionSigner>().AsNoTracking()
                               where x.Status == CoSignerStatus.Confirmed
                               join s in db.Set<Suggestion>() on x.SuggestionId equals s.Id
                               where s.ReceivedOn != null
                               select new Wanted(x.DeputyId, s.ReceivedOn!.Value, DutyKinds.SuggestionCoSigner, s.Title, SuggestionWorkflow.Subject, s.Id)).ToListAsync(ct));
        // Invited deputies: 列席 unless recorded on leave or absent, then 请假缺席会议 with the reason, as for members.
        var invited = await (from a in db.Set<MeetingAttendee>().AsNoTracking()
                             where a.DeputyId != null
                             join m in db.Set<Meeting>() on a.MeetingId equals m.Id
                             where m.Status != MeetingStatus.Cancelled
                             select new { DeputyId = a.DeputyId!.Value, m.StartsOn, m.Title, m.Id, a.Status, a.Note }).ToListAsync(ct);
        wanted.AddRange(invited.Select(a => a.Status is null or AttendanceStatus.Present
            ? new Wanted(a.DeputyId, a.StartsOn, DutyKinds.MeetingAttendance, a.Title, MeetingWorkflow.Subject, a.Id)
            : new Wanted(a.DeputyId, a.StartsOn, DutyKinds.MeetingAbsence, MeetingWorkflow.AbsenceTitle(a.Title, a.Status.Value, a.Note), MeetingWorkflow.Subject, a.Id)));
        var missed = invited.Where(a => a.Status is AttendanceStatus.OnLeave or AttendanceStatus.Absent).Select(a => (a.DeputyId, a.Id)).ToHashSet();
        if (missed.Count > 0)
        {
            var missedMeetings = missed.Select(x => x.Id).Distinct().ToList();
            db.RemoveRange((await db.Set<DutyRecord>().Where(r => r.SourceType == MeetingWorkflow.Subject && r.Kind == DutyKinds.MeetingAttendance && missedMeetings.Contains(r.SourceId)).ToListAsync(ct))
                .Where(r => missed.Contains((r.DeputyId, r.SourceId))));
        }
        // Members on leave or absent who hold a serving deputy's mandate of the same congress.
        wanted.AddRange((await (from a in db.Set<MeetingAttendance>().AsNoTracking()
                                where a.Status != AttendanceStatus.Present
                                join m in db.Set<Meeting>() on a.MeetingId equals m.Id
                                where m.Status != MeetingStatus.Cancelled
                                join d in db.Deputies on new { a.PersonId, m.CongressId } equals new { d.PersonId, d.CongressId }
                                where d.Status == DeputyStatus.Serving
                                select new { DeputyId = d.Id, m.StartsOn, m.Title, a.Status, a.Note, m.Id }).ToListAsync(ct))
            .Select(a => new Wanted(a.DeputyId, a.StartsOn, DutyKinds.MeetingAbsence, MeetingWorkflow.AbsenceTitle(a.Title, a.Status, a.Note), MeetingWorkflow.Subject, a.Id)));
        wanted.AddRange(await (from t in db.Set<InspectionTeamMember>().AsNoTracking()
                               where t.DeputyId != null
                               join i in db.Set<LawEnforcementInspection>() on t.InspectionId equals i.Id
                               select new Wanted(t.DeputyId!.Value, i.StartsOn, DutyKinds.Inspection, i.Title, LawEnforcementInspection.Subject, i.Id)).ToListAsync(ct));
        wanted.AddRange(await (from d in db.Set<SurveyDeputy>().AsNoTracking()
                               join s in db.Set<Survey>() on d.SurveyId equals s.Id
                               select new Wanted(d.DeputyId, s.StartsOn, s.Kind == SurveyKind.DeputyInspection ? DutyKinds.DeputyInspection : DutyKinds.Survey, s.Topic, Survey.Subject, s.Id)).ToListAsync(ct));
        // A deputy asker at a special inquiry: one record per deputy and inquiry, dated the day it was held.
        wanted.AddRange(await (from x in db.Set<InquiryQuestion>().AsNoTracking()
                               where x.AskerDeputyId != null
                               join q in db.Set<SpecialInquiry>() on x.InquiryId equals q.Id
                               select new Wanted(x.AskerDeputyId!.Value, q.HeldOn, DutyKinds.InquiryQuestion, q.Title, SpecialInquiry.Subject, q.Id)).ToListAsync(ct));
        // Deputies named as having taken part in a contact point's consultation: one record per deputy and bill, dated the first.
        wanted.AddRange((await (from d in db.Set<BillCommentDeputy>().AsNoTracking()
                                join c in db.Set<BillComment>() on d.BillCommentId equals c.Id
                                join b in db.Set<Bill>() on c.BillId equals b.Id
                                orderby c.CreatedAt
                                select new { d.DeputyId, c.CreatedAt, b.Title, b.Id }).ToListAsync(ct))
            .Select(c => new Wanted(c.DeputyId, DateOnly.FromDateTime(c.CreatedAt.AddHours(8)), DutyKinds.ContactPointConsultation, c.Title, BillWorkflow.Subject, c.Id)));
        wanted.AddRange((await (from c in db.Set<BillComment>().AsNoTracking()
                                where c.DeputyId != null
                                join b in db.Set<Bill>() on c.BillId equals b.Id
                                orderby c.CreatedAt
                                select new { DeputyId = c.DeputyId!.Value, c.CreatedAt, b.Title, b.Id }).ToListAsync(ct))
            .Select(c => new Wanted(c.DeputyId, DateOnly.FromDateTime(c.CreatedAt.AddHours(8)), DutyKinds.DraftComment, c.Title, BillWorkflow.Subject, c.Id)));
        // Proposers are members; those who hold a serving deputy's mandate of the same congress have it in their archive.
        wanted.AddRange(await (from p in db.Set<InterpellationProposer>().AsNoTracking()
                               join i in db.Set<Interpellation>() on p.InterpellationId equals i.Id
                               join d in db.Deputies on new { p.PersonId, i.CongressId } equals new { d.PersonId, d.CongressId }
                               where d.Status == DeputyStatus.Serving
                               select new Wanted(d.Id, i.FiledOn, DutyKinds.Interpellation, i.Title, Interpellation.Subject, i.Id)).ToListAsync(ct));
        wanted.AddRange((await (from r in db.Set<LivelihoodBallotReceipt>().AsNoTracking()
                               join b in db.Set<LivelihoodProjectBallot>() on r.BallotId equals b.Id
                               select new { r.DeputyId, At = b.OpenedAt ?? b.CreatedAt, b.Title, b.Id }).ToListAsync(ct))
            .Select(r => new Wanted(r.DeputyId, DateOnly.FromDateTime(r.At.AddHours(8)), DutyKinds.LivelihoodBallot, r.Title, LivelihoodBallotWorkflow.Subject, r.Id)));

        var have = (await db.Set<DutyRecord>().AsNoTracking().Select(r => new { r.DeputyId, r.Kind, r.SourceType, r.SourceId }).ToListAsync(ct))
            .Select(r => (r.DeputyId, r.Kind, r.SourceType, r.SourceId)).ToHashSet();
        var added = 0;
        foreach (var w in wanted)
        {
            if (!have.Add((w.DeputyId, w.Kind, w.SourceType, w.SourceId))) continue;
            db.Add(new DutyRecord { DeputyId = w.DeputyId, On = w.On, Kind = w.Kind, Title = w.Title.Length > 300 ? w.Title[..300] : w.Title, SourceType = w.SourceType, SourceId = w.SourceId });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}

/// <summary><c>renda rebuild-duty-records</c>: adds the duty records the modules' data implies and the archive lacks.</summary>
public sealed class RebuildDutyRecordsCommand : ICommandLineCommand
{
    public string Name => "rebuild-duty-records";

    public string Usage => "add the deputies' duty records that the modules' data implies and the archive lacks (idempotent)";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var db = services.GetRequiredService<RendaDbContext>();
        await Database.MigrateAsync(db);
        Console.WriteLine($"added {await DutyArchiveBackfill.RunAsync(db)} duty records");
        return 0;
    }
}
