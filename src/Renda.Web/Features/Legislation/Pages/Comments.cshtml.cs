namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/comments — the congress's comment periods and how far their summaries are.</summary>
public class CommentsModel(RendaDbContext db) : LegislationPageModel(db)
{
    public List<CommentPeriodView> Periods { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Periods = await LegislationQueries.CommentPeriodsAsync(Db, Actor, ct);
}
