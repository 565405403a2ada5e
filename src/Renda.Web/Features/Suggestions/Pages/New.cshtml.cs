using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions.Pages;

/// <summary>
/// /suggestions/new — a deputy writes a suggestion, picks co-signers, saves a draft or submits.
/// The idempotency key is made when the form is shown, so a double click or a resent POST finds
/// the suggestion the first one created instead of making a second.
/// </summary>
[Authorize(Roles = nameof(Role.Deputy))]
// A pasted text far over the limit must reach the rule that explains it, not die in the form reader (4 MB by default).
[RequestFormLimits(ValueLengthLimit = 32 * 1024 * 1024)]
public class NewSuggestionModel(RendaDbContext db, WorkCalendar calendar) : WorkflowPageModel<SuggestionActor>(db)
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["title"] = "Title", ["content"] = "Content", ["category"] = "Category", ["period"] = "Period",
        ["coSignerDeputyIds"] = "CoSigners", ["deputyId"] = "CoSigners", ["Idempotency-Key"] = "",
    };

    [BindProperty, Display(Name = "标题")] public string? Title { get; set; }
    [BindProperty, Display(Name = "分类")] public string? Category { get; set; }
    [BindProperty] public SubmissionPeriod Period { get; set; } = SubmissionPeriod.BetweenSessions;
    /// <summary>Bound as "Content" (PageModel has a Content method).</summary>
    [BindProperty(Name = "Content"), Display(Name = "内容")] public string? Body { get; set; }
    [BindProperty] public List<int> CoSigners { get; set; } = [];
    [BindProperty] public string? IdempotencyKey { get; set; }
    [BindProperty] public string? DeputyQuery { get; set; }

    public IReadOnlyList<string> Categories { get; private set; } = [];
    public string CongressCode { get; private set; } = "";
    public int? DeputyId { get; private set; }
    public List<DeputyLookupItem> Chosen { get; private set; } = [];
    public List<DeputyLookupItem> Found { get; private set; } = [];

    private SuggestionActor? actor;
    public override SuggestionActor Actor => actor ?? throw new InvalidOperationException("The page is not loaded.");
    /// <summary>Deputies only (the page's Authorize); whether the account holds a mandate is the workflow's rule.</summary>
    protected override bool MayOpen => true;

    public string? ErrorOf(string key) => SuggestionPages.ErrorOf(ModelState, key);

    public DeputyPickerModel Picker => new("附议代表（可选）", nameof(CoSigners), nameof(DeputyQuery), DeputyQuery, "/suggestions/new?handler=Find", CongressCode,
        Chosen, Found, DeputyId, ErrorOf(nameof(CoSigners)));

    /// <summary>保存草稿 (intent=draft) or 提交 (intent=submit).</summary>
    public async Task<IActionResult> OnPostAsync(string? intent, CancellationToken ct)
    {
        actor = await SuggestionActor.ForAsync(Db, new CurrentUser(User), ct);
        var submit = intent == "submit";
        if (ModelState.IsValid)
        {
            try
            {
                var draft = new SuggestionWorkflow.Draft(Title ?? "", Body ?? "", Category ?? "", Period, CoSigners, submit);
                var (s, created) = await SuggestionWorkflow.CreateAsync(Db, calendar, Actor, draft, IdempotencyKey, ct);
                TempData["Message"] = !created ? "该表单已经提交过，以下是当时保存的建议。"
                    : s.Can(SuggestionAction.Submit) ? "草稿已保存。可继续修改、邀请附议，确认后提交。"
                    : $"建议已提交，编号 {s.Number}。";
                return Redirect(SuggestionWorkflow.Link(s));
            }
            catch (DomainException e) when (e.Kind != DomainErrorKind.NotFound)
            {
                Db.ChangeTracker.Clear();
                SuggestionPages.AddError(ModelState, "", e, Fields);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The picker's search without script: shows the form again with the matches, keeping everything typed.</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        try
        {
            Found = await SuggestionPages.LookupDeputiesAsync(Db, new CurrentUser(User).CongressId!.Value, DeputyQuery, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(CoSigners), e.Message);
        }
        return Page();
    }

    /// <summary>The form, new (GET: with a fresh idempotency key) or shown again after a refusal (keeping the key it was sent with).</summary>
    protected override async Task LoadAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        actor = await SuggestionActor.ForAsync(Db, user, ct);
        DeputyId = Actor.DeputyId;
        CongressCode = user.CongressCode ?? "";
        Categories = (await Settings.ForAsync<SuggestionSettings>(Db, Actor.CongressId, ct)).CategoryList;
        Chosen = await SuggestionPages.DeputiesByIdAsync(Db, Actor.CongressId, CoSigners.Distinct().ToList(), ct);
        // A form shown without a key (a GET, or an old page) gets one now, so its submission is protected.
        if (string.IsNullOrEmpty(IdempotencyKey))
            IdempotencyKey = Guid.NewGuid().ToString("N");
    }
}
