using System.Globalization;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.People;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// Every step of 提 → 交 → 办 → 督 → 评, used by the API and the pages alike: load, check, call the
/// state machine, start or end the legal clocks, notify, save — one SaveChanges per step.
/// </summary>
public static class SuggestionWorkflow
{
    public const string Subject = "Suggestion";

    public static IQueryable<Suggestion> WithDetails(RendaDbContext db) => db.Set<Suggestion>()
        .Include(s => s.Signers).Include(s => s.Assignments).Include(s => s.Answers).Include(s => s.Contacts).Include(s => s.Ratings).Include(s => s.History)
        .AsSplitQuery();

    public static async Task<Suggestion> LoadAsync(RendaDbContext db, SuggestionActor actor, int id, CancellationToken ct)
    {
        var s = await WithDetails(db).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !actor.MayRead(s))
            throw DomainException.NotFound("建议不存在，或您无权查看。");
        return s;
    }

    private static DateOnly Today(RendaDbContext db) => WorkCalendar.Today(db.Clock);
    private static DateTime Now(RendaDbContext db) => db.Clock.GetUtcNow().UtcDateTime;

    public static void ValidateText(SuggestionSettings settings, string? title, string? content, string? category)
    {
        if (string.IsNullOrWhiteSpace(title)) throw DomainException.Invalid("title", "请填写标题。");
        if (title.Length > Suggestion.MaxTitle) throw DomainException.Invalid("title", $"标题不超过 {Suggestion.MaxTitle} 字。");
        if (string.IsNullOrWhiteSpace(content)) throw DomainException.Invalid("content", "请填写建议内容。");
        if (content.Length > Suggestion.MaxContent) throw DomainException.Invalid("content", $"建议内容不超过 {Suggestion.MaxContent} 字（现为 {content.Length} 字），请精简或以附件提交。");
        if (content.Trim().Length < Suggestion.MinContent) throw DomainException.Invalid("content", $"建议内容应明确具体，不少于 {Suggestion.MinContent} 字。");
        if (string.IsNullOrWhiteSpace(category) || !settings.CategoryList.Contains(category))
            throw DomainException.Invalid("category", $"请选择分类：{string.Join("、", settings.CategoryList)}。");
    }

    public sealed record Draft(string Title, string Content, string Category, SubmissionPeriod Period, IReadOnlyList<int>? CoSignerDeputyIds, bool Submit);

    /// <summary>
    /// Creates a draft (and optionally submits it) for the deputy. An Idempotency-Key already used
    /// by this account returns the suggestion it created instead of a second one.
    /// </summary>
    public static async Task<(Suggestion Suggestion, bool Created)> CreateAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, Draft draft, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 100 }) throw DomainException.Invalid("Idempotency-Key", "Idempotency-Key 不超过 100 个字符。");
        if (idempotencyKey is { Length: > 0 } && await ExistingAsync(db, actor, idempotencyKey, ct) is { } existing)
            return (existing, false);
        var deputyId = actor.RequireDeputy();
        var settings = await Settings.ForAsync<SuggestionSettings>(db, actor.CongressId, ct);
        ValidateText(settings, draft.Title, draft.Content, draft.Category);
        if (!Enum.IsDefined(draft.Period)) throw DomainException.Invalid("period", "提出时间只能是大会期间或闭会期间。");
        var now = Now(db);
        var s = new Suggestion
        {
            CongressId = actor.CongressId, Year = Today(db).Year, Title = draft.Title.Trim(), Content = draft.Content.Trim(), Category = draft.Category,
            Period = draft.Period, LeadDeputyId = deputyId, CreatedByAccountId = actor.AccountId,
            IdempotencyKey = idempotencyKey is { Length: > 0 } ? idempotencyKey : null, CreatedAt = now,
        };
        foreach (var coSigner in (draft.CoSignerDeputyIds ?? []).Distinct())
        {
            await RequireDeputyOfCongressAsync(db, actor.CongressId, coSigner, ct);
            s.Invite(coSigner, now);
        }
        s.History.Add(new SuggestionEvent { At = now, Round = 1, ActorAccountId = actor.AccountId, ActorName = actor.Name, Action = "起草" });
        db.Add(s);
        // Read before the lock is taken: every statement inside it holds up every other writer.
        var reception = draft.Submit ? await ReceptionAsync(db, settings, s, ct) : null;
        // Created and submitted in one transaction: a submission that fails leaves no draft behind that a
        // retry with the same key would then return as if it had been submitted.
        await using var tx = draft.Submit ? await AuditChain.BeginLockedAsync(db, ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is { Length: > 0 })
        {
            // Two requests with one key raced: the other one won; answer with what it created.
            if (tx is not null) await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await ExistingAsync(db, actor, idempotencyKey, ct) ?? throw DomainException.Conflict("请求重复，请刷新后查看。"), false);
        }
        if (s.Signers.Count > 0)
            await NotifyInviteesAsync(db, s, s.Signers.Select(x => x.DeputyId), ct);
        if (reception is not null)
            await SubmitAsync(db, calendar, actor, s, reception, ct);
        else
            await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return (s, true);
    }

    private static Task<Suggestion?> ExistingAsync(RendaDbContext db, SuggestionActor actor, string key, CancellationToken ct)
        => WithDetails(db).FirstOrDefaultAsync(x => x.CreatedByAccountId == actor.AccountId && x.IdempotencyKey == key, ct);

    private static async Task RequireDeputyOfCongressAsync(RendaDbContext db, int congressId, int deputyId, CancellationToken ct)
    {
        if (!await db.Deputies.AnyAsync(d => d.Id == deputyId && d.CongressId == congressId && d.Status == DeputyStatus.Serving, ct))
            throw DomainException.Invalid("coSignerDeputyIds", $"附议人（代表编号 {deputyId}）不是本级人大的在任代表。");
    }

    public static async Task UpdateDraftAsync(RendaDbContext db, SuggestionActor actor, int id, Draft draft, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        RequireLead(actor, s);
        var settings = await Settings.ForAsync<SuggestionSettings>(db, actor.CongressId, ct);
        ValidateText(settings, draft.Title, draft.Content, draft.Category);
        s.Edit(draft.Title.Trim(), draft.Content.Trim(), draft.Category, draft.Period);
        await db.SaveChangesAsync(ct);
    }

    private static void RequireLead(SuggestionActor actor, Suggestion s)
    {
        if (actor.DeputyId != s.LeadDeputyId) throw DomainException.Forbidden("只有领衔代表可以修改、邀请附议和提交。");
    }

    public static async Task InviteAsync(RendaDbContext db, SuggestionActor actor, int id, int deputyId, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        RequireLead(actor, s);
        await RequireDeputyOfCongressAsync(db, actor.CongressId, deputyId, ct);
        s.Invite(deputyId, Now(db));
        await NotifyInviteesAsync(db, s, [deputyId], ct);
        await db.SaveChangesAsync(ct);
    }

    public static async Task RespondAsync(RendaDbContext db, SuggestionActor actor, int id, bool confirm, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        s.RespondToInvitation(actor.RequireDeputy(), confirm, Now(db), actor.AccountId, actor.Name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>When and by whom a submission is received: read before the audit lock is taken.</summary>
    private sealed record Reception(SuggestionSettings Settings, DateOnly ReceivedOn, int? DeputiesCommitteeId);

    private static async Task<Reception> ReceptionAsync(RendaDbContext db, SuggestionSettings settings, Suggestion s, CancellationToken ct)
    {
        var today = Today(db);
        // During a session the secretariat hands suggestions to the standing committee on the closing day (代表法 第二十四条 practice).
        var received = s.Period == SubmissionPeriod.DuringSession && settings.SessionClosesOn is { } closes && closes > today ? closes : today;
        return new(settings, received, await DeputiesCommitteeAsync(db, s.CongressId, ct));
    }

    public static async Task SubmitAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, Suggestion s, CancellationToken ct)
    {
        RequireLead(actor, s);
        await SubmitAsync(db, calendar, actor, s, await ReceptionAsync(db, await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct), s, ct), ct);
    }

    private static async Task SubmitAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, Suggestion s, Reception reception, CancellationToken ct)
    {
        var (settings, received, committee) = reception;
        ValidateText(settings, s.Title, s.Content, s.Category);
        // The number is read and taken under the audit lock: two submissions at once must not both get the last number + 1.
        await using var tx = await AuditChain.BeginLockedAsync(db, ct);
        s.Submit(Now(db), received, await NextSerialAsync(db, s.CongressId, received.Year, ct), actor.AccountId, actor.Name);
        SuggestionClocks.Start(db, calendar, s, SuggestionClocks.Assign(settings, s.Number), received, new ClockOwner(CommitteeId: committee));
        // The duty archive (履职档案): a suggestion counts for its lead and its co-signers when it is submitted, the day it is received;
        // invitations not confirmed by then have lapsed and count for nobody.
        await DutyRecords.AddAsync(db, [s.LeadDeputyId], received, DutyKinds.SuggestionLead, s.Title, Subject, s.Id, ct);
        await DutyRecords.AddAsync(db, s.Signers.Where(x => x.Signed).Select(x => x.DeputyId), received, DutyKinds.SuggestionCoSigner, s.Title, Subject, s.Id, ct);
        await db.SaveChangesAsync(ct);
        // In the same transaction: a suggestion is findable as similar exactly when it is submitted.
        await SimilarSuggestions.IndexAsync(db, s, ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
    }

    public static async Task SubmitAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, int id, CancellationToken ct)
        => await SubmitAsync(db, calendar, actor, await LoadAsync(db, actor, id, ct), ct);

    /// <summary>Numbers run per congress and year in order of receipt: 2023-001, 2023-002 … 2023-1000 …</summary>
    private static async Task<int> NextSerialAsync(RendaDbContext db, int congressId, int year, CancellationToken ct)
        => (await db.Set<Suggestion>().Where(x => x.CongressId == congressId && x.Year == year).MaxAsync(x => x.Serial, ct) ?? 0) + 1;

    public static async Task AcceptAsync(RendaDbContext db, SuggestionActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var s = await LoadAsync(db, actor, id, ct);
        s.Accept(Now(db), actor.AccountId, actor.Name);
        await db.SaveChangesAsync(ct);
    }

    public static async Task ReturnToDeputyAsync(RendaDbContext db, SuggestionActor actor, int id, InadmissibleReason reason, string? note, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(reason)) throw DomainException.Invalid("reason", "请选择退回理由。");
        if (note is { Length: > 500 }) throw DomainException.Invalid("note", "说明不超过 500 字。");
        var s = await LoadAsync(db, actor, id, ct);
        s.ReturnToDeputy(reason, note?.Trim(), Today(db), Now(db), actor.AccountId, actor.Name);
        await EndClocksAsync(db, s, SuggestionClocks.Purposes.Assign, cancel: true, ct);
        await NotifySignersAsync(db, s, $"建议 {s.Number} 已退回", $"《{s.Title}》不作为代表建议办理：{SuggestionLabels.Of(reason)}。{note}", ct);
        await db.SaveChangesAsync(ct);
    }

    public static async Task MergeAsync(RendaDbContext db, SuggestionActor actor, int id, int targetId, CancellationToken ct)
    {
        actor.RequireStaff();
        var s = await LoadAsync(db, actor, id, ct);
        var target = await LoadAsync(db, actor, targetId, ct);
        s.MergeInto(target, Today(db), Now(db), actor.AccountId, actor.Name);
        await EndClocksAsync(db, s, SuggestionClocks.Purposes.Assign, cancel: true, ct);
        // 并案: each deputy of the merged suggestion is told where it went.
        await NotifySignersAsync(db, s, $"建议 {s.Number} 已并案办理", $"您的建议《{s.Title}》与 {target.Number}《{target.Title}》内容相同或相近，已并案办理，办理结果一并答复。", ct);
        await db.SaveChangesAsync(ct);
    }

    public sealed record UnitChoice(int UnitId, AssignmentRole Role);

    public static async Task AssignAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, int id, HandlingMode mode, IReadOnlyList<UnitChoice> units, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(mode)) throw DomainException.Invalid("mode", "请选择办理方式。");
        await RequireUnitsOfCongressAsync(db, actor.CongressId, units, ct);
        var s = await LoadAsync(db, actor, id, ct);
        var today = Today(db);
        s.Assign(mode, units.Select(u => (u.UnitId, u.Role)).ToList(), today, Now(db), actor.AccountId, actor.Name);
        await EndClocksAsync(db, s, SuggestionClocks.Purposes.Assign, cancel: false, ct);
        var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
        var clocks = StartUnitClocks(db, calendar, s, settings, s.Assignments, today, await DeputiesCommitteeAsync(db, s.CongressId, ct));
        s.FollowAnswerClocks(clocks);
        await NotifyUnitsAsync(db, s, s.Assignments.Select(a => a.HandlingUnitId), $"新交办建议 {s.Number}", $"《{s.Title}》已交贵单位办理，请于 {s.AnswerDueOn:yyyy年M月d日} 前答复代表。", ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task RequireUnitsOfCongressAsync(RendaDbContext db, int congressId, IReadOnlyList<UnitChoice> units, CancellationToken ct)
    {
        var ids = units.Select(u => u.UnitId).ToList();
        var found = await db.HandlingUnits.CountAsync(u => ids.Contains(u.Id) && u.CongressId == congressId && u.Active, ct);
        if (found != ids.Distinct().Count())
            throw DomainException.Invalid("units", "承办单位须是本级人大联系的在用单位。");
        foreach (var u in units)
            if (!Enum.IsDefined(u.Role)) throw DomainException.Invalid("units", "承办方式无效。");
    }

    /// <summary>Units' clocks escalate from the unit to the deputies' work committee, then to the Council of Chairpersons (DeadlineMonitor).</summary>
    private static List<Deadline> StartUnitClocks(RendaDbContext db, WorkCalendar calendar, Suggestion s, SuggestionSettings settings, IEnumerable<SuggestionAssignment> assignments, DateOnly from, int? committeeId)
        => SuggestionClocks.ForAssignments(settings, s, assignments)
            .Select(x => SuggestionClocks.Start(db, calendar, s, x.Clock, from, new ClockOwner(HandlingUnitId: x.UnitId, CommitteeId: committeeId))).ToList();

    public static async Task UnitReturnAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, int id, int? unitId, string reason, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        var unit = actor.RequireUnit(s, unitId);
        if (reason is { Length: > 500 }) throw DomainException.Invalid("reason", "理由不超过 500 字。");
        var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
        var assignment = s.ActiveAssignments.FirstOrDefault(a => a.HandlingUnitId == unit)
            ?? throw DomainException.Forbidden("该建议未交由本单位办理。");
        var window = calendar.AddWorkingDays(assignment.AssignedOn, settings.UnitReturnWorkingDays);
        var today = Today(db);
        s.UnitReturn(unit, reason, today, window, Now(db), actor.AccountId, actor.Name);
        foreach (var d in await RunningAsync(db, s, ct))
            if (d.Purpose is { } p && p.EndsWith($":{unit}", StringComparison.Ordinal))
                Deadlines.Cancel(db, d);
        SuggestionClocks.Start(db, calendar, s, SuggestionClocks.Reassign(settings, s.Number), today, new ClockOwner(CommitteeId: await DeputiesCommitteeAsync(db, s.CongressId, ct)));
        await db.SaveChangesAsync(ct);
    }

    public static async Task ReassignAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, int id, IReadOnlyList<UnitChoice> units, CancellationToken ct)
    {
        actor.RequireStaff();
        await RequireUnitsOfCongressAsync(db, actor.CongressId, units, ct);
        var s = await LoadAsync(db, actor, id, ct);
        var today = Today(db);
        var before = s.Assignments.ToList();
        s.Reassign(units.Select(u => (u.UnitId, u.Role)).ToList(), today, Now(db), actor.AccountId, actor.Name);
        await EndClocksAsync(db, s, SuggestionClocks.Purposes.Reassign, cancel: false, ct);
        var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
        var added = s.Assignments.Except(before).ToList();
        var started = StartUnitClocks(db, calendar, s, settings, added, today, await DeputiesCommitteeAsync(db, s.CongressId, ct));
        // The answer is due when the answer clocks say: the new units' and, where only a co-unit was added, the lead's running one.
        s.FollowAnswerClocks((await RunningAsync(db, s, ct)).Concat(started));
        await NotifyUnitsAsync(db, s, added.Select(a => a.HandlingUnitId), $"新交办建议 {s.Number}", $"《{s.Title}》已重新交贵单位办理。", ct);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<SuggestionContact> RecordContactAsync(RendaDbContext db, SuggestionActor actor, int id, int? unitId, ContactKind kind, bool faceToFace, DateOnly on, string? notes, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        var unit = actor.RequireUnit(s, unitId);
        if (!Enum.IsDefined(kind)) throw DomainException.Invalid("kind", "联系方式无效。");
        if (on > Today(db)) throw DomainException.Invalid("on", "联系日期不能晚于今天。");
        if (s.AssignedOn is { } assigned && on < assigned) throw DomainException.Invalid("on", "联系日期不能早于交办日期。");
        if (notes is { Length: > 2000 }) throw DomainException.Invalid("notes", "记录不超过 2000 字。");
        var contact = s.RecordContact(unit, kind, faceToFace, on, notes, Now(db), actor.AccountId, actor.Name);
        await EndClocksAsync(db, s, SuggestionClocks.Purposes.Contact(unit), cancel: false, ct);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public static async Task SubmitCoViewsAsync(RendaDbContext db, SuggestionActor actor, int id, int? unitId, string views, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        var unit = actor.RequireUnit(s, unitId);
        if (views is { Length: > Suggestion.MaxContent }) throw DomainException.Invalid("views", $"协办意见不超过 {Suggestion.MaxContent} 字。");
        s.SubmitCoViews(unit, views, Today(db), Now(db), actor.AccountId, actor.Name);
        await EndClocksAsync(db, s, SuggestionClocks.Purposes.CoViews(unit), cancel: false, ct);
        if (s.LeadAssignment is { } lead)
            await NotifyUnitsAsync(db, s, [lead.HandlingUnitId], $"协办意见已到 {s.Number}", $"《{s.Title}》的协办单位已提交书面意见。", ct);
        await db.SaveChangesAsync(ct);
    }

    public sealed record AnswerInput(string Category, string Text, string SignedBy, int? DocumentAttachmentId);

    public static async Task AnswerAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, int id, int? unitId, AnswerInput input, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        var unit = actor.RequireUnit(s, unitId);
        var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
        if (!settings.AnswerCategoryList.Any(c => c.Code == input.Category))
            throw DomainException.Invalid("category", $"答复类别须为 {string.Join("、", settings.AnswerCategoryList.Select(c => c.Code + " " + c.Label))} 之一。");
        if (string.IsNullOrWhiteSpace(input.Text)) throw DomainException.Invalid("text", "请填写答复内容。");
        if (input.Text.Length > Suggestion.MaxContent) throw DomainException.Invalid("text", $"答复内容不超过 {Suggestion.MaxContent} 字。");
        if (string.IsNullOrWhiteSpace(input.SignedBy) || input.SignedBy.Length > 50) throw DomainException.Invalid("signedBy", "请填写签发答复的单位负责人（不超过 50 字）。");
        if (input.DocumentAttachmentId is { } doc && !await db.Attachments.AnyAsync(a => a.Id == doc && a.CongressId == s.CongressId && a.OwnerType == Subject && a.OwnerId == Id(s), ct))
            throw DomainException.Invalid("documentAttachmentId", "答复文件须先作为本建议的附件上传。");
        var today = Today(db);
        var round = s.Round;
        s.Answer(unit, input.Category, input.Text.Trim(), input.SignedBy.Trim(), input.DocumentAttachmentId, today, Now(db), actor.AccountId, actor.Name);
        await EndClocksAsync(db, s, round == 1 ? SuggestionClocks.Purposes.Answer(unit) : SuggestionClocks.Purposes.Rehandle(unit), cancel: false, ct);
        if (s.Status == SuggestionStatus.Answered) // every answer of the round is in: the deputies rate it
        {
            var leadAccount = await DeputyAccountsAsync(db, s.CongressId, [s.LeadDeputyId], ct);
            SuggestionClocks.Start(db, calendar, s, SuggestionClocks.Rating(settings, s.Number), today, new ClockOwner(AccountId: leadAccount.FirstOrDefault() is var a && a != 0 ? a : null));
            await NotifySignersAsync(db, s, $"建议 {s.Number} 已答复", $"《{s.Title}》已答复（{input.Category} 类），请在 {settings.RatingWorkingDays} 个工作日内评价。", ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Extension of the answer period: only with a recorded approval, never beyond the maximum (6 months from assignment).</summary>
    public static async Task ExtendAnswerAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, int id, int months, string reason, CancellationToken ct)
    {
        actor.RequireStaff();
        var s = await LoadAsync(db, actor, id, ct);
        Suggestion.Machine.Require(s.Status, SuggestionAction.ExtendAnswer);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500) throw DomainException.Invalid("reason", "请填写延期理由和批准情况（不超过 500 字）。");
        if (months < 1) throw DomainException.Invalid("months", "延长月数至少为 1。");
        var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
        var limit = calendar.Due(s.AssignedOn!.Value, PeriodUnit.Months, settings.AnswerMaxMonths);
        var running = (await RunningAsync(db, s, ct)).Where(d => SuggestionClocks.Purposes.Answer().Matches(d.Purpose)).ToList();
        if (running.Count == 0) throw DomainException.Conflict("没有正在计时的答复期限。");
        foreach (var d in running)
        {
            if (calendar.Due(d.DueOn, PeriodUnit.Months, months) > limit)
                throw DomainException.Invalid("months", $"答复期限最长为交办之日起 {settings.AnswerMaxMonths} 个月（{limit:yyyy-MM-dd}），不能再延长 {months} 个月。");
            Deadlines.Extend(db, calendar, d, PeriodUnit.Months, months, reason, actor.AccountId);
        }
        s.ExtendAnswer(running.Max(d => d.DueOn), reason, Now(db), actor.AccountId, actor.Name);
        await db.SaveChangesAsync(ct);
    }

    public static async Task RateAsync(RendaDbContext db, WorkCalendar calendar, SuggestionActor actor, int id, Satisfaction result, string? reason, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        if (!Enum.IsDefined(result)) throw DomainException.Invalid("result", "评价只能是满意、基本满意或不满意。");
        if (reason is { Length: > 2000 }) throw DomainException.Invalid("reason", "理由不超过 2000 字。");
        var deputy = actor.DeputyId ?? throw DomainException.Forbidden("只有领衔代表和附议代表可以评价。");
        var today = Today(db);
        s.Rate(deputy, result, reason?.Trim(), today, Now(db), actor.AccountId, actor.Name);
        if (deputy != s.LeadDeputyId)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await EndClocksAsync(db, s, SuggestionClocks.Purposes.Rating, cancel: false, ct);
        if (s.Status == SuggestionStatus.Rehandling)
        {
            var settings = await Settings.ForAsync<SuggestionSettings>(db, s.CongressId, ct);
            foreach (var a in s.ActiveAssignments.Where(a => a.Role != AssignmentRole.Co))
                SuggestionClocks.Start(db, calendar, s, SuggestionClocks.Rehandle(settings, s.Number, a.HandlingUnitId), today,
                    new ClockOwner(HandlingUnitId: a.HandlingUnitId, CommitteeId: await DeputiesCommitteeAsync(db, s.CongressId, ct)));
            await NotifyUnitsAsync(db, s, s.ActiveAssignments.Select(a => a.HandlingUnitId), $"建议 {s.Number} 需重新办理", $"代表对《{s.Title}》的答复不满意：{reason}", ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task DesignateKeyAsync(RendaDbContext db, SuggestionActor actor, int id, string leader, CancellationToken ct)
    {
        if (!actor.IsCouncil) throw DomainException.Forbidden("重点建议由主任会议确定。");
        if (leader is { Length: > 100 }) throw DomainException.Invalid("leader", "不超过 100 字。");
        var s = await LoadAsync(db, actor, id, ct);
        s.DesignateKey(leader.Trim(), Today(db), Now(db), actor.AccountId, actor.Name);
        await NotifyUnitsAsync(db, s, s.ActiveAssignments.Select(a => a.HandlingUnitId), $"{s.Number} 列为重点建议", $"《{s.Title}》列为重点督办建议，由{leader}领衔督办，请单位主要负责同志牵头办理。", ct);
        await db.SaveChangesAsync(ct);
    }

    public sealed record PublicText(string Title, string Content, string? Answer);

    /// <summary>Personal data never reaches the portal: ID and phone numbers are removed; staff edit out confidential passages.</summary>
    public static async Task PublishAsync(RendaDbContext db, SuggestionActor actor, int id, PublicText text, CancellationToken ct)
    {
        actor.RequireStaff();
        var s = await LoadAsync(db, actor, id, ct);
        if (string.IsNullOrWhiteSpace(text.Title) || text.Title.Length > Suggestion.MaxTitle) throw DomainException.Invalid("title", "请填写公开标题（不超过 100 字）。");
        if (string.IsNullOrWhiteSpace(text.Content) || text.Content.Length > Suggestion.MaxContent) throw DomainException.Invalid("content", "请填写公开内容。");
        if (text.Answer is { Length: > Suggestion.MaxContent }) throw DomainException.Invalid("answer", "答复不超过 10000 字。");
        s.Publish(Redaction.RemovePersonalData(text.Title), Redaction.RemovePersonalData(text.Content), text.Answer is null ? null : Redaction.RemovePersonalData(text.Answer), Now(db), actor.AccountId, actor.Name);
        await db.SaveChangesAsync(ct);
    }

    public static async Task UnpublishAsync(RendaDbContext db, SuggestionActor actor, int id, CancellationToken ct)
    {
        actor.RequireStaff();
        var s = await LoadAsync(db, actor, id, ct);
        s.Unpublish(Now(db), actor.AccountId, actor.Name);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Commitment> AddCommitmentAsync(RendaDbContext db, SuggestionActor actor, int id, int? unitId, string promise, DateOnly dueOn, CancellationToken ct)
    {
        var s = await LoadAsync(db, actor, id, ct);
        var unit = actor.RequireUnit(s, unitId);
        Suggestion.Machine.Require(s.Status, SuggestionAction.AddCommitment);
        if (string.IsNullOrWhiteSpace(promise) || promise.Length > 1000) throw DomainException.Invalid("promise", "请填写承诺事项（不超过 1000 字）。");
        if (dueOn < Today(db)) throw DomainException.Invalid("dueOn", "完成时限不能早于今天。");
        var c = s.AddCommitment(unit, promise, dueOn, Now(db), actor.AccountId, actor.Name);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public static async Task ReportCommitmentAsync(RendaDbContext db, SuggestionActor actor, int commitmentId, string text, bool done, CancellationToken ct)
    {
        var c = await db.Set<Commitment>().Include(x => x.Progress).FirstOrDefaultAsync(x => x.Id == commitmentId, ct)
            ?? throw DomainException.NotFound("承诺事项不存在。");
        var s = await LoadAsync(db, actor, c.SuggestionId, ct);
        if (!actor.UnitIds.Contains(c.HandlingUnitId)) throw DomainException.Forbidden("只有作出承诺的承办单位可以报告进展。");
        if (text is { Length: > 2000 }) throw DomainException.Invalid("text", "进展不超过 2000 字。");
        c.Report(text, done, Today(db));
        await NotifySignersAsync(db, s, $"建议 {s.Number} 承诺事项进展", $"{c.Promise}：{text}{(done ? "（已落实）" : "")}", ct);
        await db.SaveChangesAsync(ct);
    }

    // --- clocks and notifications -------------------------------------------------------------

    public static string Id(Suggestion s) => s.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A calendar moved running clocks: the answer date copied on each suggestion follows its answer clocks.</summary>
    public static async Task FollowMovedClocksAsync(RendaDbContext db, IReadOnlyList<Deadline> moved, CancellationToken ct)
    {
        var ids = moved.Where(d => SuggestionClocks.Purposes.Answer().Matches(d.Purpose)).Select(d => int.Parse(d.SubjectId, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        foreach (var s in await db.Set<Suggestion>().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
            s.FollowAnswerClocks(await RunningAsync(db, s, ct));
    }

    private static Task<List<Deadline>> RunningAsync(RendaDbContext db, Suggestion s, CancellationToken ct)
        => Deadlines.RunningForAsync(db, Subject, Id(s), ct);

    private static async Task EndClocksAsync(RendaDbContext db, Suggestion s, ClockPurpose purpose, bool cancel, CancellationToken ct)
    {
        foreach (var d in (await RunningAsync(db, s, ct)).Where(d => d.Purpose == purpose.Key))
            if (cancel) Deadlines.Cancel(db, d); else Deadlines.Complete(db, d);
    }

    private static async Task<int?> DeputiesCommitteeAsync(RendaDbContext db, int congressId, CancellationToken ct)
        => await db.Committees.Where(c => c.CongressId == congressId && c.ManagesDeputies).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

    public static async Task<List<int>> DeputyAccountsAsync(RendaDbContext db, int congressId, IEnumerable<int> deputyIds, CancellationToken ct)
    {
        var ids = deputyIds.ToList();
        var people = db.Deputies.Where(d => ids.Contains(d.Id)).Select(d => d.PersonId);
        return await db.Accounts.Where(a => a.CongressId == congressId && a.PersonId != null && people.Contains(a.PersonId.Value) && a.Enabled).Select(a => a.Id).ToListAsync(ct);
    }

    private static async Task NotifySignersAsync(RendaDbContext db, Suggestion s, string title, string body, CancellationToken ct)
    {
        var deputies = s.Signers.Where(x => x.Signed).Select(x => x.DeputyId).Append(s.LeadDeputyId);
        Notifier.Notify(db, await DeputyAccountsAsync(db, s.CongressId, deputies, ct), title, body, Link(s));
    }

    private static async Task NotifyInviteesAsync(RendaDbContext db, Suggestion s, IEnumerable<int> deputyIds, CancellationToken ct)
        => Notifier.Notify(db, await DeputyAccountsAsync(db, s.CongressId, deputyIds, ct), "邀请您附议建议", $"《{s.Title}》的领衔代表邀请您附议，请确认或拒绝。", Link(s));

    private static async Task NotifyUnitsAsync(RendaDbContext db, Suggestion s, IEnumerable<int> unitIds, string title, string body, CancellationToken ct)
    {
        var units = unitIds.Distinct().ToList();
        var accounts = await db.RoleAssignments.Where(r => r.Role == Role.HandlingUnitOfficer && r.HandlingUnitId != null && units.Contains(r.HandlingUnitId.Value))
            .Select(r => r.AccountId).Distinct().ToListAsync(ct);
        Notifier.Notify(db, accounts, title, body, Link(s));
    }

    public static string Link(Suggestion s) => string.Create(CultureInfo.InvariantCulture, $"/suggestions/{s.Id}");
}
