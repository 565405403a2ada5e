using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>/deputies/duty-reports — the year's duty reports (staff), and the step that drafts one from the archive (staff or the deputy).</summary>
public class ReportsModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public int? DeputyId { get; set; }
    public List<DutyReportView> Reports { get; private set; } = [];
    public int ThisYear => DutyArchiveQueries.Today(Db).Year;
    protected override bool Allowed => Actor.MayReadAll || Actor.IsDeputy;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (!Actor.MayReadAll)
        {
            var own = await Actor.DeputyIdAsync(Db, ct);
            Reports = own is { } id ? await DutyArchiveQueries.ReportsAsync(Db, Actor, id, Year, ct) : [];
            return;
        }
        Reports = await DutyArchiveQueries.ReportsAsync(Db, Actor, null, Year, ct);
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a =>
        {
            if (DeputyId is null) throw DomainException.Invalid("deputyId", "请填写代表编号。");
            id = (await DutyReportWorkflow.DraftAsync(Db, a, DeputyId.Value, Year, ct)).Id;
        }, "述职报告草稿已根据履职档案生成，请修改后提交。", () => $"/deputies/duty-reports/{id}", ct);
    }
}
