using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies.Pages.DutyArchive;

/// <summary>
/// /deputies/me/archive — the deputy's archive by year and kind with its points, readable on a phone, where the deputy asks for
/// a correction; staff open any deputy's archive with ?deputy=ID.
/// </summary>
public class ArchiveModel(RendaDbContext db) : DutyArchivePageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Deputy { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public int? RecordId { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public DutyArchiveView? View { get; private set; }
    public List<CorrectionView> Corrections { get; private set; } = [];
    public bool Own { get; private set; }
    public string? NoDeputy { get; private set; }
    protected override bool Allowed => true;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var own = await Actor.DeputyIdAsync(Db, ct);
        var id = Deputy ?? own;
        if (id is null)
        {
            NoDeputy = "您的账号没有关联本级人大的代表身份，没有履职档案。";
            return;
        }
        Own = id == own;
        View = await DutyArchiveQueries.ArchiveAsync(Db, Actor, id.Value, Year, withRank: false, ct);
        Corrections = await DutyArchiveQueries.CorrectionsAsync(Db, Actor, id.Value, null, ct);
    }

    public Task<IActionResult> OnPostCorrectionAsync(CancellationToken ct)
        => StepAsync(async a =>
        {
            var id = await a.DeputyIdAsync(Db, ct) ?? throw DomainException.Forbidden("您的账号没有关联本级人大的代表身份。");
            if (Deputy is { } other && other != id) throw DomainException.Forbidden("只能对本人的履职档案申请更正。");
            await DutyCorrectionWorkflow.RequestAsync(Db, a, id, new DutyCorrectionInput(RecordId, RecordId is null ? Kind : null, On, Title, Reason), ct);
        }, "更正申请已提交，常委会代表工作机构处理后会通知您。", () => $"/deputies/me/archive?year={Year}", ct);
}
