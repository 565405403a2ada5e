using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Legislation;

public sealed record BillListItem(int Id, string Title, BillKind Kind, string KindLabel, BillStatus Status, string StatusLabel, string Sponsor, int Readings,
    int Versions, DateOnly? PassedOn, DateOnly? PromulgatedOn, string? Announcement, bool ShelvedTwoYears);
public sealed record VersionItem(int Id, int Number, string Label, bool Frozen, int? DerivedFromId, int Articles, DateTime CreatedAt);
public sealed record ReadingView(int Id, int Ordinal, ReadingStage Stage, string StageLabel, int MeetingId, string MeetingTitle, DateOnly MeetingOn, int AgendaItemId,
    AgendaOutcome Outcome, int VersionId, bool Final, string? Explanation, string? ResultReport, string? RevisionReport);
public sealed record HandoverView(int ToCongressId, string ToCongress, DateTime HandedOverAt, int? ReceiverFilingId, string? Note);
public sealed record BillDetail(int Id, string Title, BillKind Kind, string KindLabel, BillStatus Status, string StatusLabel, string Sponsor, string? Committee,
    int? PlanProjectId, string? FewerReadingsReason, DateOnly? PassedOn, int? AnnouncementNumber, string? Announcement, DateOnly? PromulgatedOn, bool ShelvedTwoYears,
    bool NeedsApproval, int? ApprovalId, IReadOnlyList<VersionItem> Versions, IReadOnlyList<ReadingView> Readings, IReadOnlyList<HandoverView> Filings,
    IReadOnlyList<int> CommentPeriodIds, string? TerminationReason, DateOnly? FilingDueOn, string? FilingRule, string? FilingBasis, BillSteps Can);
/// <summary>What the reader may do with the bill now (from <see cref="Bill.Machine"/>, for the reader's kind).</summary>
public sealed record BillSteps(bool Revise, bool OpenComment, bool ScheduleReading, bool Vote, bool Terminate, bool SubmitForApproval, bool Promulgate, bool FileUpward);
public sealed record VersionView(int Id, int BillId, string BillTitle, int Number, string Label, bool Frozen, int? DerivedFromId, string Title, IReadOnlyList<string> Preamble,
    int Articles, IReadOnlyList<ProvisionView> Provisions);
public sealed record ComparisonView(int BillId, int FromVersionId, string FromLabel, int ToVersionId, string ToLabel, IReadOnlyList<ComparisonRow> Rows);
public sealed record CommentView(int Id, string? NodeId, string? ArticleLabel, string? CurrentLabel, CommentSource Source, string SourceLabel, string? Name, string? ContactPoint,
    string Text, DateTime CreatedAt, CommentHandling Handling, string HandlingLabel, string? HandlingReason, IReadOnlyList<string> Deputies,
    int? ContactPointId, IReadOnlyList<int> DeputyIds);
public sealed record CommentPeriodView(int Id, int BillId, string BillTitle, int VersionId, string VersionLabel, DateOnly OpensOn, DateOnly ClosesOn, string? ShortPeriodReason,
    CommentPeriodStatus Status, string StatusLabel, bool AcceptingToday, string? SummaryText, IReadOnlyList<string> ContactPoints, IReadOnlyList<CommentView> Comments,
    CommentPeriodSteps Can);
/// <summary>Which steps the period's state allows (from <see cref="CommentPeriod.Machine"/>); the staff take them.</summary>
public sealed record CommentPeriodSteps(bool Close, bool Handle, bool PublishSummary);
public sealed record PlanProjectView(int Id, int Year, PlanCategory Category, string CategoryLabel, string Title, string Sponsor, string? TargetMeeting,
    PlanProjectStatus Status, string StatusLabel, int? BillId, string? BillStatus);
public sealed record PlanCategoryFigures(PlanCategory Category, string Label, int Projects, int Done);
public sealed record PlanView(int Year, IReadOnlyList<PlanProjectView> Projects, IReadOnlyList<PlanCategoryFigures> Achieved);
public sealed record ContactPointView(int Id, string Name, string Location, DateOnly EstablishedOn, bool National, int Consultations, int Opinions, IReadOnlyList<ContactPointDeputyView> Deputies);
/// <summary>A deputy who works with a contact point, of its congress or one above or below it.</summary>
public sealed record ContactPointDeputyView(int DeputyId, string Name, string Congress);
public sealed record ApprovalView(int Id, string Title, string SubmittedBy, BillKind Kind, DateOnly SubmittedOn, ApprovalStatus Status, string StatusLabel,
    string? LegalityFindings, bool ConflictFound, int? MeetingId, int? AgendaItemId, DateOnly? DecidedOn, int? BillId, DateOnly? DueOn, ApprovalSteps Can);
/// <summary>What the reader may do with the approval now (from <see cref="Approval.Machine"/>; only the approving congress's staff).</summary>
public sealed record ApprovalSteps(bool RecordFindings, bool PutOnAgenda, bool Vote);
public sealed record LegislationStatistics(string Code, string Congress, int Year, int Made, int Amended, int Repealed, int Total, int Approved,
    int ContactPoints, int CommentsReceived, IReadOnlyList<int> BillIds, IReadOnlyList<int> ApprovalIds);

public static class LegislationQueries
{
    /// <summary>The congress's meetings that still take agenda items (a reading, an approval), soonest first.</summary>
    public static Task<List<Meeting>> OpenMeetingsAsync(RendaDbContext db, int congressId, CancellationToken ct)
        => MeetingQueries.AllowingAsync(db, congressId, MeetingAction.AddAgendaItem, ct);

    public static async Task<List<BillListItem>> BillsAsync(RendaDbContext db, LegislationActor actor, int? year, CancellationToken ct)
    {
        actor.RequireRead();
        var today = WorkCalendar.Today(db.Clock);
        var q = db.Set<Bill>().Where(b => b.CongressId == actor.CongressId);
        if (year is { } y) q = q.Where(b => b.CreatedAt.Year == y || (b.PromulgatedOn != null && b.PromulgatedOn.Value.Year == y) || (b.PassedOn != null && b.PassedOn.Value.Year == y));
        var bills = await q.OrderByDescending(b => b.Id).Select(b => new
        {
            Bill = b,
            Readings = db.Set<BillReading>().Count(r => r.BillId == b.Id),
            Versions = db.Set<BillVersion>().Count(v => v.BillId == b.Id),
        }).ToListAsync(ct);
        return bills.Select(x => new BillListItem(x.Bill.Id, x.Bill.Title, x.Bill.Kind, LegislationLabels.Of(x.Bill.Kind), x.Bill.Status, LegislationLabels.Of(x.Bill.Status),
            x.Bill.Sponsor, x.Readings, x.Versions, x.Bill.PassedOn, x.Bill.PromulgatedOn, x.Bill.AnnouncementLabel, x.Bill.ShelvedTwoYears(today))).ToList();
    }

    public static async Task<BillDetail> BillAsync(RendaDbContext db, LegislationActor actor, int id, CancellationToken ct)
    {
        var b = await BillWorkflow.LoadAsync(db, actor, id, ct);
        var congress = await db.Congresses.FirstAsync(c => c.Id == b.CongressId, ct);
        var versions = await db.Set<BillVersion>().Where(v => v.BillId == id).OrderBy(v => v.Number)
            .Select(v => new VersionItem(v.Id, v.Number, v.Label, v.Frozen, v.DerivedFromId, v.ArticleCount, v.CreatedAt)).ToListAsync(ct);
        var readings = await db.Set<BillReading>().Where(r => r.BillId == id).OrderBy(r => r.Ordinal)
            .Join(db.Set<Meeting>(), r => r.MeetingId, m => m.Id, (r, m) => new { r, m.Title })
            .Select(x => new ReadingView(x.r.Id, x.r.Ordinal, x.r.Stage, "", x.r.MeetingId, x.Title, x.r.MeetingOn, x.r.AgendaItemId,
                db.Set<AgendaItem>().Where(a => a.Id == x.r.AgendaItemId).Select(a => a.Outcome).First(), x.r.VersionId, x.r.Final, x.r.Explanation, x.r.ResultReport, x.r.RevisionReport))
            .ToListAsync(ct);
        var filings = await db.Set<FilingHandover>().Where(f => f.BillId == id).OrderBy(f => f.Id)
            .Join(db.Congresses, f => f.ToCongressId, c => c.Id, (f, c) => new HandoverView(f.ToCongressId, c.StandingCommitteeName, f.HandedOverAt, f.ReceiverFilingId, f.Note))
            .ToListAsync(ct);
        var committee = b.CommitteeId is { } cid ? await db.Committees.Where(c => c.Id == cid).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        var approval = await db.Set<Approval>().Where(a => a.BillId == id).OrderByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var periods = await db.Set<CommentPeriod>().Where(p => p.BillId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        // The filing clock still running: the hand-over has not been accepted by the congress above yet.
        var filing = await LegislationClocks.RunningFilingAsync(db, b, ct);
        var needsApproval = BillWorkflow.NeedsApproval(congress);
        var can = new BillSteps(b.Can(BillAction.Revise, actor), b.Can(BillAction.OpenComment, actor), b.Can(BillAction.ScheduleReading, actor), b.Can(BillAction.Vote, actor),
            b.Can(BillAction.Terminate, actor) && b.ShelvedTwoYears(WorkCalendar.Today(db.Clock)), needsApproval && b.Can(BillAction.SubmitForApproval, actor),
            b.CanPromulgate(needsApproval) && b.Can(BillAction.Promulgate, actor), b.Can(BillAction.FileUpward, actor));
        return new BillDetail(b.Id, b.Title, b.Kind, LegislationLabels.Of(b.Kind), b.Status, LegislationLabels.Of(b.Status), b.Sponsor, committee, b.PlanProjectId,
            b.FewerReadingsReason, b.PassedOn, b.AnnouncementNumber, b.AnnouncementLabel, b.PromulgatedOn, b.ShelvedTwoYears(WorkCalendar.Today(db.Clock)),
            needsApproval, approval, versions, readings.Select(r => r with { StageLabel = LegislationLabels.Of(r.Stage) }).ToList(), filings, periods, b.TerminationReason,
            filing?.DueOn, filing?.Rule, filing?.Source, can);
    }

    public static async Task<VersionView> VersionAsync(RendaDbContext db, LegislationActor actor, int billId, int versionId, CancellationToken ct)
    {
        var bill = await BillWorkflow.LoadAsync(db, actor, billId, ct);
        var v = await BillWorkflow.LoadVersionAsync(db, actor, billId, versionId, ct);
        var comments = await db.Set<BillComment>().Where(c => c.BillId == billId && c.NodeId != null).GroupBy(c => c.NodeId!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var doc = BillText.FromJson(v.Document);
        return new VersionView(v.Id, billId, bill.Title, v.Number, v.Label, v.Frozen, v.DerivedFromId, doc.Title, doc.Preamble, v.ArticleCount, BillText.Provisions(doc, comments));
    }

    public static async Task<ComparisonView> CompareAsync(RendaDbContext db, LegislationActor actor, int billId, int fromId, int toId, CancellationToken ct)
    {
        var a = await BillWorkflow.LoadVersionAsync(db, actor, billId, fromId, ct);
        var b = await BillWorkflow.LoadVersionAsync(db, actor, billId, toId, ct);
        var reasons = await db.Set<ComparisonReason>().Where(r => r.FromVersionId == fromId && r.ToVersionId == toId)
            .ToDictionaryAsync(r => r.RowKey, r => r.Reason, StringComparer.Ordinal, ct);
        return new ComparisonView(billId, a.Id, a.Label, b.Id, b.Label, ComparisonTable.Compare(BillText.ComparedUnits(BillText.FromJson(a.Document)), BillText.ComparedUnits(BillText.FromJson(b.Document)), reasons));
    }

    public static async Task SetReasonAsync(RendaDbContext db, LegislationActor actor, int billId, int fromId, int toId, string? rowKey, string? reason, CancellationToken ct)
    {
        actor.RequireStaff();
        var view = await CompareAsync(db, actor, billId, fromId, toId, ct);
        if (view.Rows.All(r => r.Key != rowKey)) throw DomainException.Invalid("rowKey", "对照表中没有这一行。");
        var text = Meetings.Text.Optional("reason", reason, "修改理由", 2000);
        var row = await db.Set<ComparisonReason>().FirstOrDefaultAsync(r => r.FromVersionId == fromId && r.ToVersionId == toId && r.RowKey == rowKey, ct);
        if (text is null) { if (row is not null) db.Remove(row); }
        else if (row is null) db.Add(new ComparisonReason { BillId = billId, FromVersionId = fromId, ToVersionId = toId, RowKey = rowKey!, Reason = text });
        else row.Reason = text;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A comment period with its comments; the labels are those of the article in the bill's latest version (node ids survive renumbering).</summary>
    public static async Task<CommentPeriodView> CommentPeriodAsync(RendaDbContext db, int periodId, bool withPersonal, CancellationToken ct)
    {
        var p = await db.Set<CommentPeriod>().Include(x => x.Points).FirstOrDefaultAsync(x => x.Id == periodId, ct) ?? throw DomainException.NotFound("没有找到该征求意见。");
        var bill = await db.Set<Bill>().FirstAsync(b => b.Id == p.BillId, ct);
        var version = await db.Set<BillVersion>().FirstAsync(v => v.Id == p.VersionId, ct);
        var latest = await db.Set<BillVersion>().Where(v => v.BillId == bill.Id).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync(ct);
        var latestDoc = await db.Set<BillVersion>().Where(v => v.Id == latest).Select(v => v.Document).FirstAsync(ct);
        var labels = BillText.FromJson(latestDoc).Articles().ToDictionary(a => a.Id, a => a.Label);
        var pointIds = p.Points.Select(x => x.ContactPointId).ToList();
        var points = await db.Set<LegislativeContactPoint>().Where(x => pointIds.Contains(x.Id) || db.Set<BillComment>().Any(c => c.CommentPeriodId == periodId && c.ContactPointId == x.Id))
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var comments = await db.Set<BillComment>().Where(c => c.CommentPeriodId == periodId).OrderBy(c => c.Id).ToListAsync(ct);
        // The deputies who took part in a contact point's consultation, named with its opinion.
        var participants = (await (from x in db.Set<BillCommentDeputy>().AsNoTracking()
                                   join c in db.Set<BillComment>() on x.BillCommentId equals c.Id
                                   where c.CommentPeriodId == periodId
                                   join d in db.Deputies on x.DeputyId equals d.Id
                                   orderby x.Id
                                   select new { x.BillCommentId, x.DeputyId, d.Person!.Name }).ToListAsync(ct)).ToLookup(x => x.BillCommentId);
        var today = WorkCalendar.Today(db.Clock);
        return new CommentPeriodView(p.Id, bill.Id, bill.Title, version.Id, version.Label, p.OpensOn, p.ClosesOn, p.ShortPeriodReason, p.Status, LegislationLabels.Of(p.Status),
            p.IsOpenOn(today), p.SummaryText, pointIds.Where(points.ContainsKey).Select(id => points[id]).ToList(),
            comments.Select(c => new CommentView(c.Id, c.NodeId, c.ArticleLabel, c.NodeId is { } n ? labels.GetValueOrDefault(n) : null, c.Source, LegislationLabels.Of(c.Source),
                withPersonal || c.Source != CommentSource.Citizen ? c.Name : null, c.ContactPointId is { } cp ? points.GetValueOrDefault(cp) : null, c.Text, c.CreatedAt,
                c.Handling, LegislationLabels.Of(c.Handling), c.HandlingReason, participants[c.Id].Select(x => x.Name).ToList(),
                c.ContactPointId, participants[c.Id].Select(x => x.DeputyId).ToList())).ToList(),
            new CommentPeriodSteps(p.Can(CommentPeriodAction.Close), p.Can(CommentPeriodAction.Handle), p.Can(CommentPeriodAction.PublishSummary)));
    }

    public static async Task<List<CommentPeriodView>> CommentPeriodsAsync(RendaDbContext db, LegislationActor actor, CancellationToken ct)
    {
        actor.RequireRead();
        var ids = await db.Set<CommentPeriod>().Where(p => db.Set<Bill>().Any(b => b.Id == p.BillId && b.CongressId == actor.CongressId)).OrderByDescending(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var list = new List<CommentPeriodView>();
        foreach (var id in ids) list.Add(await CommentPeriodAsync(db, id, withPersonal: actor.IsStaff, ct));
        return list;
    }

    public static async Task<PlanView> PlanAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var rows = await db.Set<PlanProject>().Where(p => p.CongressId == congressId && p.Year == year).OrderBy(p => p.Category).ThenBy(p => p.Id)
            .Select(p => new { p, BillStatus = db.Set<Bill>().Where(b => b.Id == p.BillId).Select(b => (BillStatus?)b.Status).FirstOrDefault() }).ToListAsync(ct);
        var projects = rows.Select(x => new PlanProjectView(x.p.Id, x.p.Year, x.p.Category, LegislationLabels.Of(x.p.Category), x.p.Title, x.p.Sponsor, x.p.TargetMeeting,
            x.p.Status, LegislationLabels.Of(x.p.Status), x.p.BillId, x.BillStatus is { } s ? LegislationLabels.Of(s) : null)).ToList();
        var achieved = Enum.GetValues<PlanCategory>().Select(c => new PlanCategoryFigures(c, LegislationLabels.Of(c),
            projects.Count(p => p.Category == c), projects.Count(p => p.Category == c && p.Status == PlanProjectStatus.Done))).ToList();
        return new PlanView(year, projects, achieved);
    }

    public static async Task<List<ContactPointView>> ContactPointsAsync(RendaDbContext db, int congressId, int? year, CancellationToken ct)
    {
        var from = year is { } y ? new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8) : DateTime.MinValue;
        var to = year is { } y2 ? new DateTime(y2 + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8) : DateTime.MaxValue;
        var points = await db.Set<LegislativeContactPoint>().Where(p => p.CongressId == congressId).OrderByDescending(p => p.National).ThenBy(p => p.Id)
            .Select(p => new ContactPointView(p.Id, p.Name, p.Location, p.EstablishedOn, p.National,
                db.Set<CommentPeriodPoint>().Count(x => x.ContactPointId == p.Id && db.Set<CommentPeriod>().Any(c => c.Id == x.CommentPeriodId && c.CreatedAt >= from && c.CreatedAt < to)),
                db.Set<BillComment>().Count(c => c.ContactPointId == p.Id && c.CreatedAt >= from && c.CreatedAt < to), Array.Empty<ContactPointDeputyView>()))
            .ToListAsync(ct);
        var pointIds = points.Select(p => p.Id).ToList();
        var deputies = (await (from x in db.Set<ContactPointDeputy>().AsNoTracking()
                               where pointIds.Contains(x.ContactPointId)
                               join d in db.Deputies on x.DeputyId equals d.Id
                               orderby d.Congress!.Level, d.Id
                               select new { x.ContactPointId, View = new ContactPointDeputyView(d.Id, d.Person!.Name, d.Congress!.ShortName + "人大代表") }).ToListAsync(ct))
            .ToLookup(x => x.ContactPointId, x => x.View);
        return points.Select(p => p with { Deputies = deputies[p.Id].ToList() }).ToList();
    }

    public static async Task<List<ApprovalView>> ApprovalsAsync(RendaDbContext db, LegislationActor actor, int? year, CancellationToken ct)
    {
        actor.RequireRead();
        var q = db.Set<Approval>().Where(a => a.CongressId == actor.CongressId || a.FromCongressId == actor.CongressId);
        if (year is { } y) q = q.Where(a => a.SubmittedOn.Year == y || (a.DecidedOn != null && a.DecidedOn.Value.Year == y));
        var list = await q.OrderByDescending(a => a.SubmittedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        var ids = list.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var due = await db.Deadlines.Where(d => d.SubjectType == ApprovalWorkflow.Subject && ids.Contains(d.SubjectId)).ToDictionaryAsync(d => d.SubjectId, d => d.DueOn, ct);
        return list.Select(a => new ApprovalView(a.Id, a.Title, a.SubmittedBy, a.Kind, a.SubmittedOn, a.Status, LegislationLabels.Of(a.Status), a.LegalityFindings, a.ConflictFound,
            a.MeetingId, a.AgendaItemId, a.DecidedOn, a.BillId, due.TryGetValue(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), out var d) ? d : null,
            Steps(a))).ToList();
        ApprovalSteps Steps(Approval a) => a.CongressId != actor.CongressId ? new(false, false, false)
            : new(a.Can(ApprovalAction.RecordFindings, actor), a.Can(ApprovalAction.PutOnAgenda, actor), a.Can(ApprovalAction.Vote, actor));
    }

    /// <summary>
    /// The year's legislative figures of a congress, counted from the records: regulations made, amended and repealed (promulgated
    /// that year; for a prefecture, adopted and approved), regulations of the congresses below approved that year.
    /// </summary>
    public static async Task<LegislationStatistics> StatisticsAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
    {
        var congress = await db.Congresses.FirstAsync(c => c.Id == congressId, ct);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year + 1, 1, 1);
        var bills = await db.Set<Bill>().Where(b => b.CongressId == congressId && b.PromulgatedOn >= start && b.PromulgatedOn < end)
            .Select(b => new { b.Id, b.Kind }).ToListAsync(ct);
        var approved = await db.Set<Approval>().Where(a => a.CongressId == congressId && a.Status == ApprovalStatus.Approved && a.DecidedOn >= start && a.DecidedOn < end)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var points = await db.Set<LegislativeContactPoint>().CountAsync(p => p.CongressId == congressId && p.EstablishedOn < end, ct);
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var to = from.AddYears(1);
        var comments = await db.Set<BillComment>().CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to && db.Set<Bill>().Any(b => b.Id == c.BillId && b.CongressId == congressId), ct);
        return new LegislationStatistics(congress.Code, congress.StandingCommitteeName, year, bills.Count(b => b.Kind == BillKind.New), bills.Count(b => b.Kind == BillKind.Amendment),
            bills.Count(b => b.Kind == BillKind.Repeal), bills.Count, approved.Count, points, comments, bills.Select(b => b.Id).Order().ToList(), approved);
    }
}
