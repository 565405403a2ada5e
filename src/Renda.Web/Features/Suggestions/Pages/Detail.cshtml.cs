using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions.Pages;

/// <summary>
/// /suggestions/{id} — the whole record, and the actions of whoever is looking at it, each only in
/// the states where it is valid. Every action is a POST handler that calls the one workflow step
/// the API calls too; a refusal comes back as a Chinese message in the form that was sent, with
/// what was typed kept.
/// </summary>
[RequestFormLimits(ValueLengthLimit = 32 * 1024 * 1024)]
public class SuggestionDetailModel(RendaDbContext db, WorkCalendar calendar, AttachmentStore store) : WorkflowPageModel<SuggestionActor>(db)
{
    public sealed class DraftForm
    {
        public string? Title { get; set; }
        public string? Category { get; set; }
        public SubmissionPeriod Period { get; set; }
        public string? Content { get; set; }
    }

    public sealed class InviteForm
    {
        public List<int> Deputies { get; set; } = [];
        public string? Query { get; set; }
    }

    public sealed class ReturnForm
    {
        public InadmissibleReason? Reason { get; set; }
        public string? Note { get; set; }
    }

    public sealed class MergeForm
    {
        public string? TargetNumber { get; set; }
    }

    public sealed class AssignForm
    {
        public HandlingMode Mode { get; set; }
        public int? LeadUnit { get; set; }
        public List<int> CoUnits { get; set; } = [];
        public List<int> SeparateUnits { get; set; } = [];
    }

    public sealed class ReassignForm
    {
        public int? Unit { get; set; }
        public AssignmentRole? Role { get; set; }
    }

    public sealed class ExtendForm
    {
        public int Months { get; set; } = 1;
        public string? Reason { get; set; }
    }

    public sealed class PublishForm
    {
        public string? Title { get; set; }
        public string? Content { get; set; }
        public string? Answer { get; set; }
    }

    public sealed class KeyForm
    {
        public string? Leader { get; set; }
    }

    public sealed class ContactForm
    {
        public int? UnitId { get; set; }
        public ContactKind Kind { get; set; }
        public bool FaceToFace { get; set; }
        public DateOnly? On { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class CoViewsForm
    {
        public int? UnitId { get; set; }
        public string? Views { get; set; }
    }

    public sealed class AnswerForm
    {
        public int? UnitId { get; set; }
        public string? Category { get; set; }
        public string? Text { get; set; }
        public string? SignedBy { get; set; }
        /// <summary>The document uploaded by an earlier attempt that was refused: not uploaded twice.</summary>
        public int? DocumentId { get; set; }
        public IFormFile? Document { get; set; }
    }

    public sealed class UnitReturnForm
    {
        public int? UnitId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class CommitmentForm
    {
        public int? UnitId { get; set; }
        public string? Promise { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class ProgressForm
    {
        public int CommitmentId { get; set; }
        public string? Text { get; set; }
        public bool Done { get; set; }
    }

    public sealed class RatingForm
    {
        public Satisfaction? Result { get; set; }
        public string? Reason { get; set; }
    }

    [FromRoute] public int Id { get; set; }

    [BindProperty] public DraftForm Draft { get; set; } = new();
    [BindProperty] public InviteForm Invite { get; set; } = new();
    [BindProperty] public ReturnForm Return { get; set; } = new();
    [BindProperty] public MergeForm Merge { get; set; } = new();
    [BindProperty] public AssignForm Assign { get; set; } = new();
    [BindProperty] public ReassignForm Reassign { get; set; } = new();
    [BindProperty] public ExtendForm Extend { get; set; } = new();
    [BindProperty] public PublishForm Publish { get; set; } = new();
    [BindProperty] public KeyForm Key { get; set; } = new();
    [BindProperty] public ContactForm Contact { get; set; } = new();
    [BindProperty] public CoViewsForm CoViews { get; set; } = new();
    [BindProperty] public AnswerForm Answer { get; set; } = new();
    [BindProperty] public UnitReturnForm UnitReturn { get; set; } = new();
    [BindProperty] public CommitmentForm Commitment { get; set; } = new();
    [BindProperty] public ProgressForm Progress { get; set; } = new();
    [BindProperty] public RatingForm Rating { get; set; } = new();

    public SuggestionDetail S { get; private set; } = null!;
    private SuggestionActor? actor;
    public override SuggestionActor Actor => actor ?? throw new InvalidOperationException("The page is not loaded.");
    /// <summary>Whoever may read the suggestion opens it: SuggestionActor.MayRead, applied when it is loaded.</summary>
    protected override bool MayOpen => true;
    public SuggestionSettings Settings { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    /// <summary>The form that was sent and refused: it is shown open, with its errors.</summary>
    public string? FailedForm { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<AttachmentView> Attachments { get; private set; } = [];
    public string? AnswerDocumentName { get; private set; }
    public List<DeputyLookupItem> InviteChosen { get; private set; } = [];
    public List<DeputyLookupItem> InviteFound { get; private set; } = [];
    public string? MergedIntoNumber { get; private set; }
    /// <summary>The commitments this user's unit made (it reports their progress).</summary>
    public HashSet<int> MyCommitments { get; private set; } = [];
    public bool RatedThisRound { get; private set; }
    public DateOnly? UnitReturnUntil { get; private set; }
    public string? KeyLeaderPrefill { get; private set; }

    // --- who may do what, now ------------------------------------------------------------------

    public bool IsLead => Actor.DeputyId is { } d && d == S.Signers[0].DeputyId;
    // Each step is shown when Suggestion.Machine allows it now to this kind of actor (S.Can), and the actor is the one it concerns.
    private bool Can(SuggestionAction action) => S.Can(action, Actor);
    public bool CanEditDraft => IsLead && Can(SuggestionAction.Edit);
    public bool CanSubmit => IsLead && Can(SuggestionAction.Submit);
    public bool CanInvite => IsLead && Can(SuggestionAction.Invite);
    public bool IsInvited => Can(SuggestionAction.RespondToInvitation) && Actor.DeputyId is { } d
        && S.Signers.Any(x => !x.IsLead && x.DeputyId == d && x.Can(CoSignerAction.Confirm));
    public bool IsSigner => Actor.DeputyId is { } d && S.Signers.Any(x => x.DeputyId == d && x.Signed);
    public bool CanRate => Can(SuggestionAction.Rate) && IsSigner && !RatedThisRound;
    public bool CanAccept => Can(SuggestionAction.Accept);
    public bool CanAssign => Can(SuggestionAction.Assign);
    public bool CanReturn => Can(SuggestionAction.ReturnToDeputy);
    public bool CanMerge => Can(SuggestionAction.Merge);
    public bool CanReassign => Can(SuggestionAction.Reassign);
    public bool CanExtend => Can(SuggestionAction.ExtendAnswer);
    public bool CanPublish => Can(SuggestionAction.Publish);
    /// <summary>Withdrawing from the portal depends on being published, not on the workflow's state.</summary>
    public bool CanUnpublish => Actor.IsStaff && S.Published;
    public bool CanDesignateKey => Can(SuggestionAction.DesignateKey);
    /// <summary>The assignment of this user's unit that is still in force, if any.</summary>
    public AssignmentView? MyAssignment => S.Assignments.FirstOrDefault(a => a.IsActive && Actor.UnitIds.Contains(a.UnitId));
    public bool CanContact => MyAssignment is not null && Can(SuggestionAction.RecordContact);
    /// <summary>A co-unit gives its views once here (the API lets it give them again).</summary>
    public bool CanCoViews => MyAssignment is { Role: AssignmentRole.Co, CoViews: null } a && a.Can(AssignmentAction.SubmitCoViews) && Can(SuggestionAction.SubmitCoViews);
    public bool CanAnswer => MyAssignment is { } a && a.Role != AssignmentRole.Co && a.Can(AssignmentAction.Answer) && Can(SuggestionAction.Answer);
    public bool CanUnitReturn => MyAssignment is { } a && a.Can(AssignmentAction.Return) && Can(SuggestionAction.UnitReturn) && UnitReturnUntil is { } until && Today <= until;
    public bool CanAddCommitment => MyAssignment is not null && Can(SuggestionAction.AddCommitment);
    /// <summary>The unit that made the commitment reports its progress while it is open.</summary>
    public bool CanReport(CommitmentView c) => c.Can(CommitmentAction.Report) && MyCommitments.Contains(c.Id);
    public bool HasActions => CanEditDraft || IsInvited || CanRate || CanAccept || CanAssign || CanReassign || CanExtend || CanPublish || CanUnpublish || CanDesignateKey
        || CanContact || CanCoViews || CanAnswer || CanUnitReturn || CanAddCommitment;

    /// <summary>The first error of one input (named as the form names it, "Draft.Title"), or null.</summary>
    public string? ErrorOf(string key) => SuggestionPages.ErrorOf(ModelState, key);

    /// <summary>The errors of a form that belong to no single input (state conflicts, permissions).</summary>
    public string? FormError(string form) => ErrorOf(form);

    public bool Open(string form) => FailedForm == form;

    /// <summary>For _FormError: was this form refused, and with which form-level message.</summary>
    public (bool Failed, string? Message) FormState(string form) => (Open(form), FormError(form));

    public DeputyPickerModel InvitePicker => new("邀请附议代表", "Invite.Deputies", "Invite.Query", Invite.Query, $"/suggestions/{Id}?handler=FindDeputies#act-invite", S.CongressCode,
        InviteChosen, InviteFound, S.Signers[0].DeputyId, ErrorOf("Invite.Deputies"));

    public IReadOnlyList<SimilarSuggestion> Similar { get; private set; } = [];
    public IReadOnlyList<UnitRecommendation> Recommendations { get; private set; } = [];

    // --- deputies ------------------------------------------------------------------------------

    public Task<IActionResult> OnPostEditAsync(CancellationToken ct) => FormStepAsync("Draft", a => SuggestionWorkflow.UpdateDraftAsync(Db, a, Id,
        new SuggestionWorkflow.Draft(Draft.Title ?? "", Draft.Content ?? "", Draft.Category ?? "", Draft.Period, null, false), ct), "草稿已保存。", ct);

    public Task<IActionResult> OnPostInviteAsync(CancellationToken ct) => FormStepAsync("Invite", async a =>
    {
        if (Invite.Deputies.Count == 0) throw DomainException.Invalid("deputies", "请先查找并勾选要邀请的代表。");
        // Those already invited stay ticked in the picker: only the new ones are invited.
        var already = S.Signers.Where(x => x.Stands).Select(x => x.DeputyId).ToHashSet();
        foreach (var deputy in Invite.Deputies.Distinct().Where(d => !already.Contains(d)))
            await SuggestionWorkflow.InviteAsync(Db, a, Id, deputy, ct);
    }, "附议邀请已发出，代表确认后计入联名。", ct, needsDetail: true);

    public async Task<IActionResult> OnPostFindDeputiesAsync(CancellationToken ct)
    {
        ModelState.Clear();
        FailedForm = "Invite";
        try
        {
            InviteFound = await SuggestionPages.LookupDeputiesAsync(Db, new CurrentUser(User).CongressId!.Value, Invite.Query, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Invite.Deputies", e.Message);
        }
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
        => FormStepAsync("Submit", a => SuggestionWorkflow.SubmitAsync(Db, calendar, a, Id, ct), "建议已提交，进入审查。", ct);

    public Task<IActionResult> OnPostRespondAsync(bool confirm, CancellationToken ct)
        => FormStepAsync("Respond", a => SuggestionWorkflow.RespondAsync(Db, a, Id, confirm, ct), confirm ? "已确认附议。" : "已拒绝附议邀请。", ct);

    public Task<IActionResult> OnPostRateAsync(CancellationToken ct) => FormStepAsync("Rating", a =>
    {
        if (Rating.Result is not { } result) throw DomainException.Invalid("result", "请选择满意、基本满意或不满意。");
        return SuggestionWorkflow.RateAsync(Db, calendar, a, Id, result, string.IsNullOrWhiteSpace(Rating.Reason) ? null : Rating.Reason, ct);
    }, "评价已提交，谢谢。", ct);

    // --- committee staff -----------------------------------------------------------------------

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
        => FormStepAsync("Accept", a => SuggestionWorkflow.AcceptAsync(Db, a, Id, ct), "已受理，请在期限内交办。", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => FormStepAsync("Return", a =>
    {
        if (Return.Reason is not { } reason) throw DomainException.Invalid("reason", "请选择退回理由。");
        return SuggestionWorkflow.ReturnToDeputyAsync(Db, a, Id, reason, string.IsNullOrWhiteSpace(Return.Note) ? null : Return.Note, ct);
    }, "已退回代表，并已通知。", ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) => FormStepAsync("Merge", async a =>
    {
        var number = Merge.TargetNumber?.Trim();
        if (string.IsNullOrEmpty(number)) throw DomainException.Invalid("targetNumber", "请填写要并入的建议编号，如 2026-001。");
        var target = await Db.Set<Suggestion>().AsNoTracking().Where(s => s.CongressId == a.CongressId && s.Number == number).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Invalid("targetNumber", $"本级人大没有编号为 {number} 的建议。");
        await SuggestionWorkflow.MergeAsync(Db, a, Id, target, ct);
    }, "已并案办理，并已通知代表。", ct, fields: new() { ["targetId"] = "TargetNumber" });

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => FormStepAsync("Assign", a =>
    {
        var units = Assign.Mode switch
        {
            HandlingMode.LeadAndCo => (Assign.LeadUnit is { } lead ? [new SuggestionWorkflow.UnitChoice(lead, AssignmentRole.Lead)] : new List<SuggestionWorkflow.UnitChoice>())
                .Concat(Assign.CoUnits.Where(u => u != Assign.LeadUnit).Distinct().Select(u => new SuggestionWorkflow.UnitChoice(u, AssignmentRole.Co))).ToList(),
            HandlingMode.Separately => Assign.SeparateUnits.Distinct().Select(u => new SuggestionWorkflow.UnitChoice(u, AssignmentRole.Separate)).ToList(),
            _ => throw DomainException.Invalid("mode", "请选择办理方式。"),
        };
        if (Assign.Mode == HandlingMode.LeadAndCo && Assign.LeadUnit is null) throw DomainException.Invalid("leadUnit", "请选择主办单位。");
        return SuggestionWorkflow.AssignAsync(Db, calendar, a, Id, Assign.Mode, units, ct);
    }, "已交办，承办单位已收到通知。", ct);

    public Task<IActionResult> OnPostReassignAsync(CancellationToken ct) => FormStepAsync("Reassign", a =>
    {
        if (Reassign.Unit is not { } unit) throw DomainException.Invalid("unit", "请选择承办单位。");
        if (Reassign.Role is not { } role) throw DomainException.Invalid("role", "请选择承办方式。");
        return SuggestionWorkflow.ReassignAsync(Db, calendar, a, Id, [new(unit, role)], ct);
    }, "已重新交办。", ct, fields: new() { ["units"] = "Unit" });

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct)
        => FormStepAsync("Extend", a => SuggestionWorkflow.ExtendAnswerAsync(Db, calendar, a, Id, Extend.Months, Extend.Reason ?? "", ct), "答复期限已延长。", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
        => FormStepAsync("Publish", a => SuggestionWorkflow.PublishAsync(Db, a, Id, new(Publish.Title ?? "", Publish.Content ?? "", string.IsNullOrWhiteSpace(Publish.Answer) ? null : Publish.Answer), ct),
            "已在公开平台发布（身份证号、电话号码已自动隐去）。", ct);

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct)
        => FormStepAsync("Unpublish", a => SuggestionWorkflow.UnpublishAsync(Db, a, Id, ct), "已撤回公开。", ct);

    // --- Council of Chairpersons ---------------------------------------------------------------

    public Task<IActionResult> OnPostKeyAsync(CancellationToken ct)
        => FormStepAsync("Key", a => SuggestionWorkflow.DesignateKeyAsync(Db, a, Id, Key.Leader ?? "", ct), "已列为重点建议。", ct);

    // --- handling units ------------------------------------------------------------------------

    public Task<IActionResult> OnPostContactAsync(CancellationToken ct) => FormStepAsync("Contact", a =>
    {
        if (Contact.On is not { } on) throw DomainException.Invalid("on", "请填写联系日期。");
        return SuggestionWorkflow.RecordContactAsync(Db, a, Id, Contact.UnitId, Contact.Kind, Contact.FaceToFace, on, string.IsNullOrWhiteSpace(Contact.Notes) ? null : Contact.Notes.Trim(), ct);
    }, "联系记录已保存。", ct);

    public Task<IActionResult> OnPostCoViewsAsync(CancellationToken ct)
        => FormStepAsync("CoViews", a => SuggestionWorkflow.SubmitCoViewsAsync(Db, a, Id, CoViews.UnitId, CoViews.Views ?? "", ct), "协办意见已送主办单位。", ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) => FormStepAsync("Answer", async a =>
    {
        var documentId = Answer.DocumentId;
        if (Answer.Document is { Length: > 0 } file)
        {
            // The signed answer is a PDF or Word document; the store checks that the content agrees with the extension.
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (extension is not (".pdf" or ".docx"))
                throw DomainException.Invalid("document", "答复文件须为 PDF 或 Word（.docx）文档。");
            var owner = Id.ToString(CultureInfo.InvariantCulture);
            var user = new CurrentUser(User);
            if (!await AttachmentAccess.CanAttachAsync(Db, user, SuggestionAttachments.OwnerType, owner))
                throw DomainException.Forbidden("无权为该建议上传答复文件。");
            await using var content = file.OpenReadStream();
            var saved = await store.SaveAsync(content, file.FileName, a.CongressId, SuggestionAttachments.OwnerType, owner, a.AccountId, ct);
            documentId = Answer.DocumentId = saved.Id;
        }
        await SuggestionWorkflow.AnswerAsync(Db, calendar, a, Id, Answer.UnitId, new(Answer.Category ?? "", Answer.Text ?? "", Answer.SignedBy ?? "", documentId), ct);
    }, "答复已送达代表。", ct, fields: new() { ["file"] = "Document", ["documentAttachmentId"] = "Document" });

    public Task<IActionResult> OnPostUnitReturnAsync(CancellationToken ct)
        => FormStepAsync("UnitReturn", a => SuggestionWorkflow.UnitReturnAsync(Db, calendar, a, Id, UnitReturn.UnitId, UnitReturn.Reason ?? "", ct), "已退回，等待常委会重新交办。", ct);

    public Task<IActionResult> OnPostCommitmentAsync(CancellationToken ct) => FormStepAsync("Commitment", a =>
    {
        if (Commitment.DueOn is not { } due) throw DomainException.Invalid("dueOn", "请填写完成时限。");
        return SuggestionWorkflow.AddCommitmentAsync(Db, a, Id, Commitment.UnitId, Commitment.Promise ?? "", due, ct);
    }, "承诺事项已登记。", ct);

    public Task<IActionResult> OnPostProgressAsync(CancellationToken ct)
        => FormStepAsync($"Progress{Progress.CommitmentId}", a => SuggestionWorkflow.ReportCommitmentAsync(Db, a, Progress.CommitmentId, Progress.Text ?? "", Progress.Done, ct),
            "进展已报告，代表已收到通知。", ct);

    // --- the shared machinery ------------------------------------------------------------------

    /// <summary>
    /// Runs one workflow step as the current user. Done: back to the record (a refresh never
    /// repeats the POST). Refused: the page again, the message beside the field or in the form.
    /// </summary>
    private async Task<IActionResult> FormStepAsync(string form, Func<SuggestionActor, Task> step, string done, CancellationToken ct,
        Dictionary<string, string>? fields = null, bool needsDetail = false)
    {
        SuggestionActor actor;
        try
        {
            actor = await SuggestionActor.ForAsync(Db, new CurrentUser(User), ct);
            if (needsDetail)
                S = await SuggestionQueries.DetailAsync(Db, actor, Id, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            try
            {
                await step(actor);
                TempData["Message"] = done;
                return Redirect($"/suggestions/{Id}");
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound && form is not ("Merge" or "Reassign"))
            {
                return NotFound();
            }
            catch (DomainException e)
            {
                Db.ChangeTracker.Clear();
                SuggestionPages.AddError(ModelState, form, e, fields);
            }
            catch (DbUpdateConcurrencyException)
            {
                Db.ChangeTracker.Clear();
                ModelState.AddModelError(form, "记录刚被他人修改，请查看最新状态后重试。");
            }
        }
        FailedForm = form;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        return Page();
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        actor = await SuggestionActor.ForAsync(Db, new CurrentUser(User), ct);
        S = await SuggestionQueries.DetailAsync(Db, Actor, Id, ct);
        Settings = await Platform.Modules.Settings.ForAsync<SuggestionSettings>(Db, Actor.CongressId, ct);
        Today = WorkCalendar.Today(Db.Clock);
        Attachments = await AttachmentsApi.ListForOwnerAsync(Db, Actor.CongressId, SuggestionAttachments.OwnerType, Id.ToString(CultureInfo.InvariantCulture), ct);
        if (Answer.DocumentId is { } doc)
            AnswerDocumentName = Attachments.FirstOrDefault(x => x.Id == doc)?.FileName;
        if (Actor.IsStaff)
            Units = (await Db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == Actor.CongressId && u.Active).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                .Select(u => (u.Id, u.Name)).ToList();
        if (CanAssign)
        {
            // Staff review: what is alike from this and earlier years (for merging), and who handled it (for assigning).
            var full = await SuggestionWorkflow.LoadAsync(Db, Actor, Id, ct);
            Similar = await SimilarSuggestions.FindAsync(Db, Actor.CongressId, SimilarSuggestions.IndexedText(full), Id, full.Year, 5, ct);
            Recommendations = await SimilarSuggestions.RecommendUnitsAsync(Db, full, ct);
        }
        if (S.MergedIntoId is { } merged)
            MergedIntoNumber = await Db.Set<Suggestion>().Where(x => x.Id == merged).Select(x => x.Number).FirstOrDefaultAsync(ct);
        if (Actor.UnitIds.Count > 0)
            MyCommitments = (await Db.Set<Commitment>().AsNoTracking().Where(c => c.SuggestionId == Id && Actor.UnitIds.Contains(c.HandlingUnitId)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        if (Actor.DeputyId is { } me)
            RatedThisRound = await Db.Set<SuggestionRating>().AnyAsync(r => r.SuggestionId == Id && r.DeputyId == me && r.Round == S.Round, ct);
        if (MyAssignment is { } mine)
            UnitReturnUntil = calendar.AddWorkingDays(mine.AssignedOn, Settings.UnitReturnWorkingDays);
        if (CanEditDraft)
        {
            if (!Open("Draft"))
                Draft = new DraftForm { Title = S.Title, Category = S.Category, Period = S.Period, Content = S.Content };
            // Those already invited are listed under 提出代表; the picker holds only this form's new choices.
            InviteChosen = await SuggestionPages.DeputiesByIdAsync(Db, Actor.CongressId, Invite.Deputies.Distinct().ToList(), ct);
        }
        if (CanPublish && !Open("Publish"))
        {
            var lastRound = S.Answers.Count == 0 ? 0 : S.Answers.Max(a => a.Round);
            Publish = new PublishForm
            {
                Title = S.Title, Content = S.Content,
                Answer = string.Join("\n\n", S.Answers.Where(a => a.Round == lastRound).Select(a => S.Answers.Count(x => x.Round == lastRound) > 1 ? $"{a.Unit}：\n{a.Text}" : a.Text)),
            };
        }
        if (!Open("Contact"))
            Contact = new ContactForm { On = Today, FaceToFace = true, Kind = ContactKind.Visit };
        if (!Open("Commitment"))
            Commitment = new CommitmentForm { DueOn = Today.AddMonths(3) };
        if (!Open("Assign") && S.Mode is { } mode)
            Assign.Mode = mode;
        if (!Open("Key"))
            Key.Leader = S.KeyLeader;
    }
}
