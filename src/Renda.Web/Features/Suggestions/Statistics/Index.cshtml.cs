using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Features.Suggestions.Statistics;

/// <summary>办理统计: a congress's figures of a year, each with its definition and the link to its records; charts; the congresses below.</summary>
[Authorize(Roles = nameof(Role.CommitteeStaff) + "," + nameof(Role.ChairpersonsCouncilMember))]
public class IndexModel(RendaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public SuggestionStatisticsReport? Report { get; private set; }
    public bool Own { get; private set; }
    public int SelectedYear { get; private set; }
    public List<int> Years { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The figures shown as cards, in this order; the others are listed below them.</summary>
    public static readonly string[] Cards = ["received", "assigned", "answeredOnTime", "replyRate", "satisfactionRate", "basicSatisfactionRate", "satisfiedOrBasicRate", "resolutionRate", "implementationRate", "meetingRate", "closed", "overdueNow"];

    public YearChoice? YearShown { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = new CurrentUser(User);
        try
        {
            var (congress, own) = await StatisticsApi.ScopeAsync(db, user, Code ?? user.CongressCode ?? "", ct);
            Own = own;
            YearShown = await YearChoice.ForAsync(db.Set<Suggestion>().Where(s => s.CongressId == congress.Id && s.Status != SuggestionStatus.Draft).Select(s => s.Year), Year, db.Clock, ct);
            SelectedYear = YearShown.Year;
            Years = [.. YearShown.Years];
            Report = await SuggestionStatistics.ComputeAsync(db, congress, SelectedYear, own, below: true, ct);
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

    public Figure FigureOf(string key) => Report!.Figures.First(f => f.Key == key);

    public static string Value(Figure f) => f.Kind == FigureKind.Rate ? SuggestionStatistics.Percent(f.Rate) : f.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string CategoryChart => JsonSerializer.Serialize(new
    {
        names = Report!.ByCategory.Select(g => g.Name),
        received = Report.ByCategory.Select(g => g.Received),
        assigned = Report.ByCategory.Select(g => g.Assigned),
        answeredOnTime = Report.ByCategory.Select(g => g.AnsweredOnTime),
        links = Report.ByCategory.Select(g => g.Link),
    }, Json);

    public string UnitChart => JsonSerializer.Serialize(new
    {
        names = Report!.ByUnit.Select(g => g.Name),
        assigned = Report.ByUnit.Select(g => g.Assigned),
        answeredOnTime = Report.ByUnit.Select(g => g.AnsweredOnTime),
        links = Report.ByUnit.Select(g => g.Link),
    }, Json);

    public string SatisfactionChart => JsonSerializer.Serialize(new
    {
        data = new[]
        {
            new { name = "满意", value = Report!.Satisfied, link = FigureOf("satisfied").Records },
            new { name = "基本满意", value = Report.BasicallySatisfied, link = FigureOf("basicallySatisfied").Records },
            new { name = "不满意", value = Report.Dissatisfied, link = FigureOf("dissatisfied").Records },
            new { name = "未评价（不计入）", value = Report.Unrated, link = FigureOf("unrated").Records },
        },
    }, Json);
}
