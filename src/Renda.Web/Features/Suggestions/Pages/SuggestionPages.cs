using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Renda.Web.Platform.Attachments;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Suggestions.Pages;

/// <summary>A deputy as the co-signer picker shows them: name and delegation, never personal data.</summary>
public sealed record DeputyLookupItem(int Id, string Name, string? Delegation);

/// <summary>What the suggestion pages share: the deputy lookup, the attachment rule, badges and error placement.</summary>
public static class SuggestionPages
{
    public const int LookupLimit = 20;

    /// <summary>Called once from SuggestionsApi.Map: the picker's lookup endpoint and the "Suggestion" attachment rule.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        SuggestionAttachments.Register();
        // Deputies look up co-signers by name: any signed-in user of the congress; only id, name and delegation leave the server.
        api.MapGet("/congresses/{code}/deputies/lookup", async (string code, string? q, RendaDbContext db, CurrentUserAccessor current, CancellationToken ct) =>
        {
            var congress = await CongressScope.OwnAsync(db, current.User, code, ct);
            return TypedResults.Ok(await LookupDeputiesAsync(db, congress.Id, q, ct));
        }).RequireAuthorization().WithTags("代表建议").WithName("Suggestions_LookupDeputies").WithSummary("按姓名查找本级人大在任代表（附议人选择；仅返回编号、姓名、代表团）");
    }

    public static async Task<List<DeputyLookupItem>> LookupDeputiesAsync(RendaDbContext db, int congressId, string? q, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (text.Length == 0) throw DomainException.Invalid("q", "请输入代表姓名。");
        if (text.Length > 50) throw DomainException.Invalid("q", "姓名不超过 50 字。");
        return await db.Deputies.AsNoTracking()
            .Where(d => d.CongressId == congressId && d.Status == DeputyStatus.Serving && d.Person!.Name.Contains(text))
            .OrderBy(d => d.Person!.Name).ThenBy(d => d.Id).Take(LookupLimit)
            .Select(d => new DeputyLookupItem(d.Id, d.Person!.Name, d.Delegation ?? d.ElectoralUnit)).ToListAsync(ct);
    }

    /// <summary>The chosen deputies by id, for showing a form again (only serving deputies of the congress).</summary>
    public static async Task<List<DeputyLookupItem>> DeputiesByIdAsync(RendaDbContext db, int congressId, IReadOnlyCollection<int> ids, CancellationToken ct)
        => ids.Count == 0 ? [] : await db.Deputies.AsNoTracking().Where(d => d.CongressId == congressId && ids.Contains(d.Id))
            .OrderBy(d => d.Person!.Name).Select(d => new DeputyLookupItem(d.Id, d.Person!.Name, d.Delegation ?? d.ElectoralUnit)).ToListAsync(ct);

    /// <summary>"共 12 件", or "超过 10,000 件" when the list stopped counting (SuggestionQueries.ListAsync).</summary>
    public static string Total<T>(Page<T> page)
        => page.TotalIsLowerBound ? string.Create(CultureInfo.InvariantCulture, $"超过 {page.Total:N0} 件") : string.Create(CultureInfo.InvariantCulture, $"共 {page.Total} 件");

    public static string BadgeClass(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Draft => "text-bg-light border",
        SuggestionStatus.Submitted or SuggestionStatus.Accepted => "text-bg-info",
        SuggestionStatus.Returned or SuggestionStatus.Merged => "text-bg-secondary",
        SuggestionStatus.Assigned or SuggestionStatus.Rehandling => "text-bg-primary",
        SuggestionStatus.UnitReturned => "text-bg-warning",
        SuggestionStatus.Answered => "text-bg-warning",
        SuggestionStatus.Closed => "text-bg-success",
    };

    /// <summary>A clock is overdue when the monitor flagged it or its day has passed while it still runs.</summary>
    public static bool IsOverdue(DeadlineStatus status, DateOnly due, DateOnly today)
        => status == DeadlineStatus.Overdue || (status == DeadlineStatus.Open && due < today);

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>
    /// Puts a refused step's message beside its field: the domain names fields as the API does
    /// ("title"), the page's inputs are "Form.Title". Unknown fields and state conflicts go to the form.
    /// </summary>
    public static void AddError(ModelStateDictionary modelState, string form, DomainException e, IReadOnlyDictionary<string, string>? fields = null)
    {
        var key = form;
        if (e.Field is { Length: > 0 } field)
        {
            if (fields is not null && fields.TryGetValue(field, out var mapped))
                key = mapped.Length == 0 ? form : form.Length == 0 ? mapped : $"{form}.{mapped}";
            else
            {
                var pascal = char.ToUpperInvariant(field[0]) + field[1..];
                key = form.Length == 0 ? pascal : $"{form}.{pascal}";
            }
        }
        modelState.AddModelError(key, e.Message);
    }

    /// <summary>The first error of one input, or null.</summary>
    public static string? ErrorOf(ModelStateDictionary modelState, string key)
        => modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

/// <summary>
/// Attachments of a suggestion (owner id = suggestion id), e.g. the signed answer document: whoever
/// may read the suggestion may see them; the lead deputy attaches while it is a draft, an officer
/// of a unit it is assigned to while handling it.
/// </summary>
public static class SuggestionAttachments
{
    public const string OwnerType = SuggestionWorkflow.Subject;

    public static void Register() => AttachmentAccess.Register(OwnerType,
        async (db, user, ownerId) => await LoadAsync(db, user, ownerId) is { } x && x.Actor.MayRead(x.Suggestion),
        async (db, user, ownerId) => await LoadAsync(db, user, ownerId) is { } x && x.Actor.MayRead(x.Suggestion) && (
            (x.Suggestion.Can(SuggestionAction.Edit) && x.Actor.DeputyId == x.Suggestion.LeadDeputyId)
            || (!x.Suggestion.Can(SuggestionAction.Edit) && x.Suggestion.ActiveAssignments.Any(a => x.Actor.UnitIds.Contains(a.HandlingUnitId)))));

    private static async Task<(SuggestionActor Actor, Suggestion Suggestion)?> LoadAsync(RendaDbContext db, CurrentUser user, string ownerId)
    {
        // Only the canonical form ("12", not "012"), so one suggestion has exactly one owner id.
        if (user.CongressId is null || !int.TryParse(ownerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id.ToString(CultureInfo.InvariantCulture) != ownerId)
            return null;
        var s = await db.Set<Suggestion>().AsNoTracking().Include(x => x.Signers).Include(x => x.Assignments).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id);
        if (s is null) return null;
        return (await SuggestionActor.ForAsync(db, user), s);
    }
}

/// <summary>What _DeputyPicker.cshtml needs: the input name of the chosen ids, the search box, the no-script search action.</summary>
public sealed record DeputyPickerModel(string Label, string Field, string QueryField, string? Query, string FindAction, string CongressCode,
    IReadOnlyList<DeputyLookupItem> Chosen, IReadOnlyList<DeputyLookupItem> Found, int? ExcludeId, string? Error);
