using Microsoft.AspNetCore.Mvc;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>/legislation/approvals — regulations submitted for approval: the province reviews and votes; a prefecture follows its own.</summary>
public class ApprovalsModel(RendaDbContext db) : LegislationPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<ApprovalView> List { get; private set; } = [];
    public List<Meeting> Meetings { get; private set; } = [];
    public bool IsProvince { get; private set; }
    public int ApprovalMonths { get; private set; }
    [BindProperty] public int ApprovalId { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public bool ConflictFound { get; set; }
    [BindProperty] public int MeetingId { get; set; }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Year = await ChooseYearAsync(Db.Set<Approval>().Where(a => a.CongressId == Actor.CongressId).Select(a => a.SubmittedOn.Year)
            .Concat(Db.Set<Approval>().Where(a => a.CongressId == Actor.CongressId && a.DecidedOn != null).Select(a => a.DecidedOn!.Value.Year)), Year, ct);
        List = await LegislationQueries.ApprovalsAsync(Db, Actor, Year, ct);
        IsProvince = await Db.Congresses.AnyAsync(c => c.Id == Actor.CongressId && c.Level == RegionLevel.Province, ct);
        ApprovalMonths = (await Platform.Modules.Settings.ForAsync<LegislationSettings>(Db, Actor.CongressId, ct)).ApprovalMonths;
        Meetings = await LegislationQueries.OpenMeetingsAsync(Db, Actor.CongressId, ct);
    }

    private string Here => $"/legislation/approvals?year={Year}#approval-{ApprovalId}";

    public Task<IActionResult> OnPostFindingsAsync(CancellationToken ct)
        => StepAsync(a => ApprovalWorkflow.RecordFindingsAsync(Db, a, ApprovalId, new FindingsInput(Findings, ConflictFound), ct), "合法性审查意见已记录。", () => Here, ct);

    public Task<IActionResult> OnPostAgendaAsync(CancellationToken ct)
        => StepAsync(a => ApprovalWorkflow.PutOnAgendaAsync(Db, a, ApprovalId, MeetingId, ct), "已提请会议审议。", () => Here, ct);

    public Task<IActionResult> OnPostVoteAsync(CancellationToken ct)
    {
        Vote? v = null;
        return StepAsync(async a => v = await ApprovalWorkflow.PrepareVoteAsync(Db, a, ApprovalId, ct), "表决已安排，请在会议页面开始表决。", () => $"/meetings/{v!.MeetingId}", ct);
    }
}
