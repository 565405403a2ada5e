using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>The pages of trainings, forums, 六联系 and joint inspections on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class ActivitiesPageModel(RendaDbContext db) : WorkflowPageModel<DeputyActivitiesActor>(db)
{
    public override DeputyActivitiesActor Actor => new(new CurrentUser(User));
    protected override bool MayOpen => Actor.MayRead;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int SelectedYear => Year ?? YearShown?.Year ?? WorkCalendar.Today(Db.Clock).Year;
    public IReadOnlyList<int> Years => YearShown?.Years ?? [SelectedYear];

    /// <summary>The years with any training, forum, 六联系 record or joint inspection of the congress.</summary>
    protected IQueryable<int> AnyActivityYears(int congressId)
        => Db.Set<Training>().Where(r => r.CongressId == congressId).Select(r => r.Year)
            .Concat(Db.Set<Forum>().Where(r => r.CongressId == congressId).Select(r => r.Year))
            .Concat(Db.Set<ContactRecord>().Where(r => r.CongressId == congressId).Select(r => r.Year))
            .Concat(Db.Set<JointInspection>().Where(r => r.CongressId == congressId).Select(r => r.Year));

    /// <summary>The serving deputies of the congresses in the user's line of the tree, by congress (for the forms).</summary>
    protected async Task<List<(string Congress, RegionLevel Level, List<(int Id, string Name)> Deputies)>> DeputyChoicesAsync(Func<RegionLevel, bool>? levels, CancellationToken ct)
    {
        var line = await CongressLine.OfAsync(Db, Actor.CongressId, ct);
        var ids = line.Values.Where(c => levels is null || levels(c.Level)).Select(c => c.Id).ToList();
        var rows = await Db.Deputies.AsNoTracking().Where(d => ids.Contains(d.CongressId) && d.Status == DeputyStatus.Serving).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Person!.Name, d.CongressId }).ToListAsync(ct);
        return line.Values.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Level).ThenBy(c => c.Code)
            .Select(c => (c.ShortName, c.Level, rows.Where(r => r.CongressId == c.Id).Select(r => (r.Id, r.Name)).ToList())).Where(g => g.Item3.Count > 0).ToList();
    }

    /// <summary>Lines of "姓名 单位" typed into a textarea, one person a line.</summary>
    protected static IEnumerable<(string Name, string? Detail)> Lines(string? text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split([' ', '　', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(p => (p[0], p.Length > 1 ? p[1] : null));
}
