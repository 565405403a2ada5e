using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;
using static Renda.Web.Features.Filings.FilingWorkflow;
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
    public const string ReviewSource = "立法法第一百一十至一百一十三条；北京市人大常委会规范性文件备案审查条例第二十二、二十三条";
    public const string OpinionSource = "立法法第一百一十二条";

    public static async Task<Review> LoadAsync(RendaDbContext db, FilingActor actor, int id, CancellationToken ct)
    {
        var r = await db.Set<Review>().Include(x => x.Findings).Include(x => x.Communications).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !actor.MayRead(r.CongressId)) throw DomainException.NotFound("没有找到该审查。");
        return r;
    }

    /// <summary>Opens a review; refused while the filing has another active one. Its first clock: passed to the committees within 5 working days.</summary>
    internal static async Task<Review> OpenAsync(RendaDbContext db, WorkCalendar calendar, int congressId, Filing? filing, string title, ReviewMode mode, string? requestedBy, CancellationToken ct)
    {
        if (filing is not null)
        {
            if (filing.Status is FilingStatus.Submitted or FilingStatus.Returned or FilingStatus.Referred)
                throw DomainException.Conflict("备案尚未登记，不能开始审查。");
            if (filing.Status == FilingStatus.Annulled)
                throw DomainException.Conflict("该文件已被常委会撤销，不再审查。");
            if (filing.Status == FilingStatus.Archived && mode == ReviewMode.Active)
                throw DomainException.Conflict("该备案已审查归档。");
            if (await db.Set<Review>().AnyAsync(r => r.FilingId == filing.Id && r.Status != ReviewStatus.Closed && r.Status != ReviewStatus.Referred, ct))
                throw DomainException.Conflict("该文件已有正在进行的审查，不能同时开展第二项审查；审查要求或建议请并入该审查。");
        }
        var settings = await Settings.ForAsync<FilingSettings>(db, congressId, ct);
        var today = WorkCalendar.Today(db.Clock);
        var review = new Review
        {
            CongressId = congressId, FilingId = filing?.Id, DocumentTitle = title, Mode = mode, RequestedBy = requestedBy, Status = ReviewStatus.Registered,
            RegisteredOn = today, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        if (filing is { Status: FilingStatus.Archived }) filing.Status = FilingStatus.UnderReview; // a later request reopens an archived filing's review
        db.Add(review);
        await db.SaveChangesAsync(ct);
        Deadlines.Start(db, calendar, congressId, Subject, Key(review.Id), Short($"移交专门委员会审查：{title}"),
            $"登记后{settings.PassWorkingDays}个工作日内移交有关专门委员会审查", ReviewSource, today, PeriodUnit.WorkingDays, settings.PassWorkingDays, purpose: "pass");
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
        await CompleteAsync(db, Subject, r.Id, "pass", ct);
        Deadlines.Start(db, calendar, r.CongressId, Subject, Key(r.Id), Short($"审查：{r.DocumentTitle}"),
            $"移交之日起{settings.ReviewMonths}个月内完成审查；情况复杂的可延长{settings.ReviewExtensionMonths}个月", ReviewSource, today, PeriodUnit.Months, settings.ReviewMonths,
            ownerCommitteeId: committee.Id, purpose: "review");
        Deadlines.Start(db, calendar, r.CongressId, Subject, Key(r.Id), Short($"专门委员会审查意见：{r.DocumentTitle}"),
            $"专门委员会收到之日起{settings.CommitteeViewDays}日内提出审查意见", "北京市人大常委会规范性文件备案审查条例第二十三条", today, PeriodUnit.CalendarDays, settings.CommitteeViewDays,
            ownerCommitteeId: committee.Id, purpose: "committee");
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
        var clock = (await Deadlines.RunningForAsync(db, Subject, Key(r.Id), ct)).FirstOrDefault(d => d.Purpose == "review")
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
        if (!r.Active) throw DomainException.Conflict("审查已结束。");
        var filing = r.FilingId is { } fid ? await db.Set<Filing>().FirstAsync(f => f.Id == fid, ct) : null;
        switch (input.Kind)
        {
            case CommunicationKind.CommitteeView:
                if (r.Status == ReviewStatus.Registered) throw DomainException.Conflict("尚未移交专门委员会。");
                await CompleteAsync(db, Subject, r.Id, "committee", ct);
                break;
            case CommunicationKind.Communication:
                // The first talk after a problem is found ends the review proper (its clock is met) and starts correction.
                if (r.Status == ReviewStatus.InReview)
                {
                    r.StartCommunication();
                    await CompleteAsync(db, Subject, r.Id, "review", ct);
                    await CompleteAsync(db, Subject, r.Id, "committee", ct);
                    filing?.MarkProblem();
                }
                else if (r.Status is not (ReviewStatus.Communicating or ReviewStatus.OpinionIssued or ReviewStatus.Escalated))
                    throw DomainException.Conflict($"该审查当前状态为“{FilingLabels.Of(r.Status)}”，不能记录沟通。");
                break;
            case CommunicationKind.CorrectionPlan:
            case CommunicationKind.Correction:
                if (r.Status is not (ReviewStatus.Communicating or ReviewStatus.OpinionIssued or ReviewStatus.Escalated))
                    throw DomainException.Conflict("只有在沟通纠正阶段才能登记纠正计划或纠正情况。");
                break;
            case CommunicationKind.Opinion:
            {
                r.IssueOpinion();
                var settings = await Settings.ForAsync<FilingSettings>(db, r.CongressId, ct);
                Deadlines.Start(db, calendar, r.CongressId, Subject, Key(r.Id), Short($"书面审查意见答复：{r.DocumentTitle}"),
                    $"制定机关收到书面审查意见后{settings.OpinionReplyDays}日内研究提出是否修改、废止的意见并回复", OpinionSource, on, PeriodUnit.CalendarDays, settings.OpinionReplyDays,
                    ownerHandlingUnitId: filing?.FilerHandlingUnitId, purpose: "reply");
                break;
            }
            case CommunicationKind.Reply:
                if (r.Status != ReviewStatus.OpinionIssued) throw DomainException.Conflict("尚未发出书面审查意见。");
                await CompleteAsync(db, Subject, r.Id, "reply", ct);
                break;
            case CommunicationKind.Escalation:
                r.Escalate();
                await CompleteAsync(db, Subject, r.Id, "reply", ct);
                break;
        }
        r.Communications.Add(new ReviewCommunication { Kind = input.Kind, On = on, Text = text, By = actor.Name });
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
        foreach (var d in await Deadlines.RunningForAsync(db, Subject, Key(r.Id), ct))
            if (d.Status is DeadlineStatus.Open or DeadlineStatus.Overdue) Deadlines.Complete(db, d);
        if (r.FilingId is { } fid)
        {
            var filing = await db.Set<Filing>().FirstAsync(f => f.Id == fid, ct);
            if (r.Outcome == ReviewOutcome.Annulled) filing.Annul(today);
            else filing.Archive(today);
        }
        var result = r.Status == ReviewStatus.Referred
            ? $"您的审查建议已移送{r.ReferredTo}审查。"
            : $"审查结果：{FilingLabels.Of(r.Outcome!.Value)}。{r.OutcomeNote}";
        foreach (var s in await db.Set<ReviewSuggestion>().Where(s => s.ReviewId == r.Id && s.Status == ReviewSuggestionStatus.TakenUp).ToListAsync(ct))
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
        if (r.Status != ReviewStatus.Escalated) throw DomainException.Conflict("须先提请主任会议，才能提请常委会会议审议撤销。");
        // An item withdrawn from an earlier meeting (no vote, so no outcome reached this module) frees the review for another one.
        if (r.AgendaItemId is { } earlier && await db.Set<AgendaItem>().AnyAsync(a => a.Id == earlier && a.Outcome == AgendaOutcome.Withdrawn, ct))
            r.AnnulmentRejected();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await MeetingWorkflow.AddAgendaItemAsync(db, MeetingActor.For(user), meetingId, AgendaItemKind.FilingReview,
            Short($"关于撤销《{r.DocumentTitle}》的决定（草案）"), FilingWorkflow.Subject, filingId, ct);
        r.PutOnAgenda(meetingId, item.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Receives the meeting's vote on an annulment (撤销): adopted → the document is annulled and the review closed.</summary>
public sealed class FilingSubject : IAgendaSubject
{
    public string SubjectType => FilingWorkflow.Subject;

    public async Task ApplyAsync(RendaDbContext db, WorkCalendar calendar, Meeting meeting, AgendaItem item, Vote vote, CancellationToken ct)
    {
        var r = await db.Set<Review>().Include(x => x.Findings).FirstOrDefaultAsync(x => x.FilingId == item.SubjectId && x.AgendaItemId == item.Id && x.Status == ReviewStatus.Escalated, ct);
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
