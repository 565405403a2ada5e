using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// /api/v1/congresses/{code}/suggestions/statistics: the figures of a congress's year, and the
/// records behind each figure. Staff and council of the congress itself or of a congress above it
/// (an upper congress sees statistics, never personal data: deputies are named only to their own congress).
/// ?below=true adds the table of every congress below with its own figures.
/// </summary>
public static class StatisticsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/congresses/{code}/suggestions/statistics").RequireAuthorization().WithTags("代表建议统计");
        group.MapGet("/", async (string code, int? year, bool? below, RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (congress, own) = await ScopeAsync(db, user.User, code, ct);
            return TypedResults.Ok(await SuggestionStatistics.ComputeAsync(db, congress, YearOrCurrent(db, year), own, below ?? false, ct));
        }).WithName("Suggestions_GetStatistics").WithSummary("建议办理统计：一年的各项数字（below=true 时附下级人大的数字）");
        group.MapGet("/records", async (string code, int? year, string? figure, int? unit, string? category, int? deputy, int? page, int? pageSize,
            RendaDbContext db, CurrentUserAccessor user, CancellationToken ct) =>
        {
            var (congress, own) = await ScopeAsync(db, user.User, code, ct);
            if (string.IsNullOrWhiteSpace(figure)) throw DomainException.Invalid("figure", "请指明统计项，如 answeredOnTime。");
            return TypedResults.Ok(await SuggestionStatistics.RecordsAsync(db, congress, YearOrCurrent(db, year), figure, new StatisticsFilter(unit, category, own ? deputy : null), own, page, pageSize, ct));
        }).WithName("Suggestions_ListStatisticsRecords").WithSummary("某项统计数字背后的建议（分页）");
        group.MapGet("/definitions", () => TypedResults.Ok(SuggestionStatistics.Definitions()))
            .WithName("Suggestions_GetStatisticsDefinitions").WithSummary("各项统计数字的口径");
    }

    /// <summary>The congress if the user is its staff or council, or that of a congress above it; whether it is the user's own.</summary>
    public static async Task<(Congress Congress, bool Own)> ScopeAsync(RendaDbContext db, CurrentUser user, string code, CancellationToken ct)
    {
        if (!user.Has(Role.CommitteeStaff) && !user.Has(Role.ChairpersonsCouncilMember))
            throw DomainException.Forbidden("办理统计仅供常委会工作人员和主任会议成员查看。");
        var congress = await CongressScope.OwnOrBelowAsync(db, user, code, ct);
        return (congress, congress.Id == user.CongressId);
    }

    public static int YearOrCurrent(RendaDbContext db, int? year)
    {
        var current = WorkCalendar.Today(db.Clock).Year;
        if (year is { } y && (y < 1950 || y > current + 1))
            throw DomainException.Invalid("year", $"年度应在 1950 至 {current + 1} 之间。");
        return year ?? current;
    }
}
