using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions.Statistics;

/// <summary>The records behind one figure of the statistics (a rate: its numerator's), optionally for one unit, category or deputy. "page" is reserved in Razor Pages: the page number is "p".</summary>
[Authorize(Roles = nameof(Role.CommitteeStaff) + "," + nameof(Role.ChairpersonsCouncilMember))]
public class RecordsModel(RendaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Figure { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public int? Deputy { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Page<StatisticsRecord> Result { get; private set; } = new([], 1, 50, 0);
    public SuggestionStatistics.Definition? Definition { get; private set; }
    public string CongressName { get; private set; } = "";
    public string CongressCode { get; private set; } = "";
    public int SelectedYear { get; private set; }
    public string? Scope { get; private set; }
    public bool Own { get; private set; }
    public bool IsCommitment => Definition?.Key is SuggestionStatistics.CommitmentsPromised or SuggestionStatistics.CommitmentsDone
        || Definition?.Numerator is SuggestionStatistics.CommitmentsPromised or SuggestionStatistics.CommitmentsDone;
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        try
        {
            var (congress, own) = await StatisticsApi.ScopeAsync(db, user, Code ?? user.CongressCode ?? "", ct);
            (Own, CongressName, CongressCode) = (own, congress.StandingCommitteeName, congress.Code);
            SelectedYear = StatisticsApi.YearOrCurrent(db, Year);
            var settings = await Settings.ForAsync<SuggestionSettings>(db, congress.Id, ct);
            var resolved = settings.ResolvedCategory;
            Definition = SuggestionStatistics.Definitions(resolved, settings.AnswerCategoryList.FirstOrDefault(c => c.Code == resolved).Label ?? "已解决或采纳")
                .FirstOrDefault(d => string.Equals(d.Key, Figure, StringComparison.OrdinalIgnoreCase))
                ?? throw DomainException.Invalid("figure", $"没有名为“{Figure}”的统计项。");
            var deputy = own ? Deputy : null;
            if (Unit is { } u) Scope = await db.HandlingUnits.Where(x => x.Id == u && x.CongressId == congress.Id).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("承办单位不存在。");
            else if (!string.IsNullOrEmpty(Category)) Scope = "分类：" + Category;
            else if (deputy is { } d) Scope = "领衔代表：" + await db.Deputies.Where(x => x.Id == d && x.CongressId == congress.Id).Select(x => x.Person!.Name).FirstOrDefaultAsync(ct);
            Result = await SuggestionStatistics.RecordsAsync(db, congress, SelectedYear, Definition.Key, new StatisticsFilter(Unit, Category, deputy), own, PageNumber, 50, ct);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = e.Kind switch
            {
                DomainErrorKind.Forbidden => 403,
                DomainErrorKind.NotFound => 404,
                DomainErrorKind.Invalid => 400,
                DomainErrorKind.Conflict => 409,
            };
        }
    }

    public string Link(int page) => QueryHelpers.AddQueryString("/suggestions/statistics/records", new Dictionary<string, string?>
    {
        ["code"] = CongressCode, ["year"] = SelectedYear.ToString(System.Globalization.CultureInfo.InvariantCulture), ["figure"] = Figure,
        ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["category"] = Category,
        ["deputy"] = Deputy?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
