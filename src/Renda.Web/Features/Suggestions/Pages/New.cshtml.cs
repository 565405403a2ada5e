using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Web;
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
public class NewSuggestionModel(RendaDbContext db, WorkCalendar calendar) : PageModel
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

    public string? Error(string key) => SuggestionPages.ErrorOf(ModelState, key);

    public DeputyPickerModel Picker => new("附议代表（可选）", nameof(CoSigners), nameof(DeputyQuery), DeputyQuery, "/suggestions/new?handler=Find", CongressCode,
        Chosen, Found, DeputyId, Error(nameof(CoSigners)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
    }

    /// <summary>保存草稿 (intent=draft) or 提交 (intent=submit).</summary>
    public async Task<IActionResult> OnPostAsync(string? intent, CancellationToken ct)
    {
        var actor = await SuggestionActor.ForAsync(db, new CurrentUser(User), ct);
        var submit = intent == "submit";
        if (ModelState.IsValid)
        {
            try
            {
                var draft = new SuggestionWorkflow.Draft(Title ?? "", Body ?? "", Category ?? "", Period, CoSigners, submit);
                var (s, created) = await SuggestionWorkflow.CreateAsync(db, calendar, actor, draft, IdempotencyKey, ct);
                TempData["Message"] = !created ? "该表单已经提交过，以下是当时保存的建议。"
                    : s.Status == SuggestionStatus.Draft ? "草稿已保存。可继续修改、邀请附议，确认后提交。"
                    : $"建议已提交，编号 {s.Number}。";
                return Redirect(SuggestionWorkflow.Link(s));
            }
            catch (DomainException e) when (e.Kind != DomainErrorKind.NotFound)
            {
                db.ChangeTracker.Clear();
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
            Found = await SuggestionPages.LookupDeputiesAsync(db, new CurrentUser(User).CongressId!.Value, DeputyQuery, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(CoSigners), e.Message);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        var actor = await SuggestionActor.ForAsync(db, user, ct);
        DeputyId = actor.DeputyId;
        CongressCode = user.CongressCode ?? "";
        Categories = (await Settings.ForAsync<SuggestionSettings>(db, actor.CongressId, ct)).CategoryList;
        Chosen = await SuggestionPages.DeputiesByIdAsync(db, actor.CongressId, CoSigners.Distinct().ToList(), ct);
        // A form shown without a key (an old page) gets one now, so its submission is still protected.
        if (string.IsNullOrEmpty(IdempotencyKey))
            IdempotencyKey = Guid.NewGuid().ToString("N");
    }
}
