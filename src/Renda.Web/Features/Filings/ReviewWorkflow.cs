using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Filings;

public sealed record ReviewInput(ReviewMode? Mode, string? RequestedBy);
public sealed record FindingInput(ReviewStandard Standard, bool Problem, string? Ground, string? Note);
public sealed record CommunicationInput(CommunicationKind Kind, string? Text, DateOnly? On);
public sealed record CloseInput(ReviewOutcome? Outcome, string? Note, int? CorrectionFilingId, string? CorrectionDocument);

/// <summary>Reviews (审查): passing to the committees, findings per standard, communication, opinion, correction, escalation, annulment.</summary>
public static class ReviewWorkflow
{
    public const string Subject = "Review";

    public static async Task<Review> LoadAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var r = await db.Set<Review>().Include(x => x.Findings).Include(x => x.Communications).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !actor.MayRead(r.CongressId)) throw DomainException.NotFound("没有找到该审查。");
        return r;
    }

    /// <summary>The filing's running review (at most one), which a request or a suggestion on it joins.</summary>
    internal static Task<Review?> RunningAsync(RendaDbContext db, Filing filing, CancellationToken ct)
        => db.Set<Review>().FirstOrDefaultAsync(r => r.FilingId == filing.Id && Review.Running.Contains(r.Status), ct);

    /// <summary>Opens a review; refused while the filing has another active one. Its first clock: passed to the committees within 5 working days.</summary>
    internal static async Task<Review> OpenAsync(RendaDbContext db, WorkCalendar calendar, int congressId, Filing? filing, string title, ReviewMode mode, string? requestedBy, CancellationToken ct)
    {
        if (filing is not null)
        {
            filing.RequireReviewable(mode);
            if (await RunningAsync(db, filing, ct) is not null)
                throw DomainException.Conflict("该文件已有正在进行的审查，不能同时开展第二项审查；审查要求或建议请并入该审查。");
        }
        var settings = await Settings.ForAsync<FilingSettings>(db, congressId, ct);
        var today = WorkCalendar.Today(db.Clock);
        var review = new Review
        {
            CongressId = congressId, FilingId = filing?.Id, DocumentTitle = title, Mode = mode, RequestedBy = requestedBy,
            RegisteredOn = today, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        filing?.OpenReview(mode);
        db.Add(review);
        await db.SaveChangesAsync(ct);
        FilingClocks.Start(db, calendar, congressId, FilingClocks.Of(review), FilingClocks.Pass(settings, title), today);
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>A review on request (审查要求) or a joint review, opened by staff on a received filing.</summary>
    public static async Task<Review> StartAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int filingId, ReviewInput input, CancellationToken ct)
    {
        var f = await FilingWorkflow.LoadAsync(db, actor, filingId, ct);
        actor.RequireStaff(f.CongressId);
        var mode = input.Mode ?? ReviewMode.Request;
        if (!Enum.IsDefined(mode)) throw DomainException.Invalid("mode", "审查方式无效。");
        if (mode is ReviewMode.Suggestion) throw DomainException.Invalid("mode", "依审查建议的审查从审查建议启动。");
        var by = Text.Optional("requestedBy", input.RequestedBy, "提出机关", 200);
        if (mode is ReviewMode.Request or ReviewMode.Joint && by is null)
            throw DomainException.Invalid("requestedBy", mode == ReviewMode.Request ? "请填写提出审查要求的机关。" : "请填写联合审查的机关。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var r = await OpenAsync(db, calendar, f.CongressId, f, f.Title, mode, by, ct);
        await tx.CommitAsync(ct);
        return r;
    }

    public static async Task PassAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int id, int? committeeId, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(r.CongressId);
        var committee = committeeId is { } c
            ? await db.Committees.FirstOrDefaultAsync(x => x.Id == c && x.CongressId == r.CongressId, ct) ?? throw DomainException.Invalid("committeeId", "请选择本级人大的专门委员会或工作机构。")
            : throw DomainException.Invalid("committeeId", "请选择负责审查的专门委员会或工作机构。");
        var settings = await Settings.ForAsync<FilingSettings>(db, r.CongressId, ct);
        var today = WorkCalendar.Today(db.Clock);
        r.PassToCommittee(today, committee.Id, committee.Name);
        var clocks = FilingClocks.Of(r);
        await FilingClocks.CompleteAsync(db, clocks, FilingClocks.Purposes.Pass, ct);
        FilingClocks.Start(db, calendar, r.CongressId, clocks, FilingClocks.Review(settings, r.DocumentTitle), today, ClockOwner.Committee(committee.Id));
        FilingClocks.Start(db, calendar, r.CongressId, clocks, FilingClocks.CommitteeView(settings, r.DocumentTitle), today, ClockOwner.Committee(committee.Id));
        if (r.FilingId is { } fid) (await db.Set<Filing>().FirstAsync(f => f.Id == fid, ct)).MarkUnderReview();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 3-month review clock extended once, by 3 months, with the reason recorded on the clock.</summary>
    public static async Task ExtendAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int id, string? reason, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(r.CongressId);
        r.Extend();
        var settings = await Settings.ForAsync<FilingSettings>(db, r.CongressId, ct);
        var clock = (await FilingClocks.RunningAsync(db, FilingClocks.Of(r), FilingClocks.Purposes.Review, ct)).FirstOrDefault()
            ?? throw DomainException.Conflict("审查期限不在计时中。");
        Deadlines.Extend(db, calendar, clock, PeriodUnit.Months, settings.ReviewExtensionMonths, reason, actor.AccountId);
        await db.SaveChangesAsync(ct);
    }

    public static async Task RecordFindingAsync(RendaDbContext db, FilingActor actor, int id, FindingInput input, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(r.CongressId);
        if (!Enum.IsDefined(input.Standard)) throw DomainException.Invalid("standard", "审查标准应为合宪性、政治性、合法性或适当性。");
        r.RecordFinding(input.Standard, input.Problem, Text.Optional("ground", input.Ground, "法律依据", 1000), Text.Optional("note", input.Note, "审查意见", 2000));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An entry of the communication log; some kinds move the review on (see the switch).</summary>
    public static async Task CommunicateAsync(RendaDbContext db, WorkCalendar calendar, FilingActor actor, int id, CommunicationInput input, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(r.CongressId);
        if (!Enum.IsDefined(input.Kind)) throw DomainException.Invalid("kind", "记录类型无效。");
        var today = WorkCalendar.Today(db.Clock);
        var on = input.On ?? today;
        if (on > today) throw DomainException.Invalid("on", "日期不能晚于今天。");
        var text = Text.Required("text", input.Text, "内容", 5000);
        var filing = r.FilingId is { } fid ? await db.Set<Filing>().FirstAsync(f => f.Id == fid, ct) : null;
        var clocks = FilingClocks.Of(r);
        if (r.Log(input.Kind, on, text, actor.Name))
        {
            // The first talk after a problem is found ends the review proper (its clock is met) and starts correction.
            await FilingClocks.CompleteAsync(db, clocks, FilingClocks.Purposes.Review, ct);
            await FilingClocks.CompleteAsync(db, clocks, FilingClocks.Purposes.CommitteeView, ct);
            filing?.MarkProblem();
        }
        switch (input.Kind)
        {
            case CommunicationKind.CommitteeView:
                await FilingClocks.CompleteAsync(db, clocks, FilingClocks.Purposes.CommitteeView, ct);
                break;
            case CommunicationKind.Opinion:
                var settings = await Settings.ForAsync<FilingSettings>(db, r.CongressId, ct);
                FilingClocks.Start(db, calendar, r.CongressId, clocks, FilingClocks.Reply(settings, r.DocumentTitle), on, new ClockOwner(HandlingUnitId: filing?.FilerHandlingUnitId));
                break;
            case CommunicationKind.Reply:
            case CommunicationKind.Escalation:
                await FilingClocks.CompleteAsync(db, clocks, FilingClocks.Purposes.Reply, ct);
                break;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends the review with its outcome; the filing is archived and proposers of suggestions are told the result.</summary>
    public static async Task CloseAsync(RendaDbContext db, FilingActor actor, int id, CloseInput input, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(r.CongressId);
        if (input.Outcome is { } o && !Enum.IsDefined(o)) throw DomainException.Invalid("outcome", "处理结果无效。");
        if (input.CorrectionFilingId is { } cf && !await db.Set<Filing>().AnyAsync(f => f.Id == cf && f.CongressId == r.CongressId, ct))
            throw DomainException.Invalid("correctionFilingId", "关联的纠正文件须是本级的备案记录。");
        var today = WorkCalendar.Today(db.Clock);
        r.Close(today, input.Outcome, Text.Optional("note", input.Note, "说明", 2000), input.CorrectionFilingId, Text.Optional("correctionDocument", input.CorrectionDocument, "纠正文件", 300));
        await FinishAsync(db, r, today, ct);
        await db.SaveChangesAsync(ct);
    }

    internal static async Task FinishAsync(RendaDbContext db, Review r, DateOnly today, CancellationToken ct)
    {
        await FilingClocks.CompleteAsync(db, FilingClocks.Of(r), null, ct);
        if (r.FilingId is { } fid)
        {
            var filing = await db.Set<Filing>().FirstAsync(f => f.Id == fid, ct);
            if (r.Outcome == ReviewOutcome.Annulled) filing.Annul(today);
            else filing.Archive(today);
        }
        var result = r.ReferredTo is not null
            ? $"您的审查建议已移送{r.ReferredTo}审查。"
            : $"审查结果：{FilingLabels.Of(r.Outcome!.Value)}。{r.OutcomeNote}";
        foreach (var s in await db.Set<ReviewSuggestion>().Where(s => s.ReviewId == r.Id && ReviewSuggestion.AwaitingResult.Contains(s.Status)).ToListAsync(ct))
            s.Answer(today, result.Length > 2000 ? result[..2000] : result);
    }

    /// <summary>Referred to another review body (移送).</summary>
    public static async Task ReferAsync(RendaDbContext db, FilingActor actor, int id, string? to, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(r.CongressId);
        var today = WorkCalendar.Today(db.Clock);
        r.Refer(today, Text.Required("referredTo", to, "移送机关", 200));
        await FinishAsync(db, r, today, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The Council of Chairpersons puts the annulment before a meeting of the standing committee: an agenda item of kind FilingReview.</summary>
    public static async Task PutOnAgendaAsync(RendaDbContext db, FilingActor actor, CurrentUser user, int id, int meetingId, CancellationToken ct)
    {
        var r = await LoadAsync(db, actor, id, ct);
        actor.RequireStaff(r.CongressId);
        if (r.FilingId is not { } filingId) throw DomainException.Conflict("只有已备案的文件才能由常委会决定撤销。");
        if (!r.Can(ReviewAction.PutOnAgenda)) throw DomainException.Conflict("须先提请主任会议，才能提请常委会会议审议撤销。");
        // An item withdrawn from an earlier meeting (no vote, so no outcome reached this module) frees the review for another one.
        if (r.AgendaItemId is { } earlier && await db.Set<AgendaItem>().AnyAsync(a => a.Id == earlier && a.Outcome == AgendaOutcome.Withdrawn, ct))
            r.AnnulmentRejected();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await MeetingWorkflow.AddAgendaItemAsync(db, MeetingActor.For(user), meetingId, AgendaItemKind.FilingReview,
            FilingClocks.Short($"关于撤销《{r.DocumentTitle}》的决定（草案）"), FilingWorkflow.Subject, filingId, ct);
        r.PutOnAgenda(meetingId, item.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Receives the meeting's vote on an annulment (撤销): adopted → the document is annulled and the review closed.</summary>
public sealed class FilingSubject : IAgendaSubject
{
    private static readonly IReadOnlyList<ReviewStatus> Voting = [.. Review.Machine.StatesFor(ReviewAction.RecordVote)];

    public string SubjectType => FilingWorkflow.Subject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var r = await db.Set<Review>().Include(x => x.Findings).FirstOrDefaultAsync(x => x.FilingId == item.SubjectId && x.AgendaItemId == item.Id && Voting.Contains(x.Status), ct);
        if (r is null) return;
        if (vote.Passed != true)
        {
            r.AnnulmentRejected();
            return;
        }
        var on = WorkCalendar.LocalDate(vote.ClosedAt!.Value);
        r.Annul(on, $"{meeting.Title}表决通过撤销（赞成{vote.Yes}票，反对{vote.No}票，弃权{vote.Abstain}票）。");
        await ReviewWorkflow.FinishAsync(db, r, on, ct);
    }
}
