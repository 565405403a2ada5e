using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/interpellations — the year's interpellations and their state; each opens its own page (answer, satisfaction, second answer).</summary>
public class InterpellationsModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public List<InterpellationView> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Members { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<Interpellation>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await SupervisionQueries.InterpellationsAsync(Db, Actor, SelectedYear, ct);
        if (!Actor.IsStaff) return;
        await LoadChoicesAsync(ct);
        Members = (await Platform.Organisations.Members.SeatedOnAsync(Db, Actor.CongressId, WorkCalendar.Today(Db.Clock), ct)).Select(m => (m.PersonId, m.Name)).ToList();
    }

    public async Task<IActionResult> OnPostFileAsync(string? title, string? questions, int organId, int[]? proposerPersonIds, CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a => id = (await InterpellationWorkflow.FileInterpellationAsync(Db, a, new InterpellationInput(title, questions, organId, null, proposerPersonIds), ct)).Id,
            "质询案已登记。", () => $"/supervision/interpellations/{id}", ct);
    }
}
