using Microsoft.AspNetCore.Mvc;
using Renda.Web.Data;
using Renda.Web.Platform.Calendar;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/interpellations — interpellations, the organ's answer, the proposers' satisfaction and the second answer.</summary>
public class InterpellationsModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public List<InterpellationView> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Members { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Rows = await SupervisionQueries.InterpellationsAsync(Db, Actor, SelectedYear, ct);
        if (!Actor.IsStaff) return;
        await LoadChoicesAsync(ct);
        Members = (await Platform.Organisations.Members.SeatedOnAsync(Db, Actor.CongressId, WorkCalendar.Today(Db.Clock), ct)).Select(m => (m.PersonId, m.Name)).ToList();
    }

    private string Here() => $"/supervision/interpellations?year={SelectedYear}";

    public Task<IActionResult> OnPostFileAsync(string? title, string? questions, int organId, int[]? proposerPersonIds, CancellationToken ct)
        => StepAsync(a => SupervisionWorkflow.FileInterpellationAsync(Db, a, new InterpellationInput(title, questions, organId, null, proposerPersonIds), ct), "质询案已登记。", Here, ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, string? answeredBy, string? answer, CancellationToken ct)
        => StepAsync(a => SupervisionWorkflow.AnswerInterpellationAsync(Db, a, id, answeredBy, answer, ct), "答复已记录。", Here, ct);

    public Task<IActionResult> OnPostRateAsync(int id, bool satisfied, CancellationToken ct)
        => StepAsync(a => SupervisionWorkflow.RateInterpellationAsync(Db, a, id, a.PersonId ?? 0, satisfied, ct), "已记录您的意见。", Here, ct);
}
