using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Supervision.Pages;

/// <summary>/supervision/inquiries — the year's special inquiries, with their questions and open commitments; each opens its own page.</summary>
public class InquiriesModel(RendaDbContext db) : SupervisionPageModel(db)
{
    public List<InquiryView> Rows { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<SpecialInquiry>().Where(r => r.CongressId == Actor.CongressId).Select(r => r.Year), Year, ct);
        Rows = await SupervisionQueries.InquiriesAsync(Db, Actor, SelectedYear, ct);
        if (Actor.IsStaff) await LoadPlanTopicsAsync(SelectedYear, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? title, DateOnly heldOn, int? topicId, CancellationToken ct)
    {
        var id = 0;
        return await StepAsync(async a => id = (await InquiryWorkflow.CreateInquiryAsync(Db, a, new InquiryInput(title, heldOn, null, null, topicId), ct)).Id,
            "专题询问已安排，请记录询问和答复。", () => $"/supervision/inquiries/{id}", ct);
    }
}
