using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Deputies.Pages;

/// <summary>
/// /deputies/opinions/{id} — one opinion followed to the end: staff route it (answer on the spot, township, referral, suggestion),
/// record feedback and satisfaction; the handling unit's officer answers a referral here (on a phone).
/// </summary>
public class OpinionModel(RendaDbContext db, WorkCalendar calendar) : DeputiesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int? HandlingUnitId { get; set; }
    [BindProperty] public int? DeputyId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public Satisfaction? Satisfaction { get; set; }
    public OpinionView View { get; private set; } = null!;
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public bool IsStaff => Actor.IsStaffOf(Actor.CongressId);

    protected override bool Allowed => Actor.IsStaffOf(Actor.CongressId) || Actor.UnitIds.Count > 0;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        View = await DeputiesQueries.OpinionAsync(Db, Actor, Id, ct);
        if (View.Actions.Contains(OpinionAction.Refer))
            Units = (await Db.HandlingUnits.AsNoTracking().Where(u => u.CongressId == Actor.CongressId && u.Active).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                .Select(u => (u.Id, u.Name)).ToList();
    }

    private Task<IActionResult> Step(Func<ReceptionActor, Task> step, string done, CancellationToken ct) => StepAsync(step, done, () => $"/deputies/opinions/{Id}", ct);

    public Task<IActionResult> OnPostOnTheSpotAsync(CancellationToken ct) => Step(a => ConstituentOpinionWorkflow.AnswerOnTheSpotAsync(Db, a, Id, Text, ct), "已登记当场答复。", ct);
    public Task<IActionResult> OnPostTownshipAsync(CancellationToken ct) => Step(a => ConstituentOpinionWorkflow.HandToTownshipAsync(Db, a, Id, Text, ct), "已交属地办理。", ct);
    public Task<IActionResult> OnPostTownshipResultAsync(CancellationToken ct) => Step(a => ConstituentOpinionWorkflow.RecordTownshipResultAsync(Db, a, Id, Text, ct), "已登记属地办理结果。", ct);
    public Task<IActionResult> OnPostReferAsync(CancellationToken ct) => Step(a => ConstituentOpinionWorkflow.ReferAsync(Db, calendar, a, Id, HandlingUnitId, ct), "已转交承办单位，答复期限开始计时。", ct);
    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) => Step(a => ConstituentOpinionWorkflow.AnswerReferralAsync(Db, a, Id, Text, ct), "已答复。", ct);
    public Task<IActionResult> OnPostSuggestionAsync(CancellationToken ct)
        => Step(a => ConstituentOpinionWorkflow.TurnIntoSuggestionAsync(Db, calendar, a, Id, new ToSuggestionRequest(DeputyId, Title, Category), ct), "已转为代表建议草稿，代表可在“我的建议”中完善后提交。", ct);
    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) => Step(a => ConstituentOpinionWorkflow.RecordFeedbackAsync(Db, a, Id, Text, ct), "已登记反馈。", ct);
    public Task<IActionResult> OnPostSatisfactionAsync(CancellationToken ct) => Step(a => ConstituentOpinionWorkflow.RecordSatisfactionAsync(Db, a, Id, Satisfaction, ct), "已登记群众满意度，意见办结。", ct);
}
