using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>
/// /livelihood/{id} — one ballot through its life: the government enters candidates, the deputies vote from their phones
/// (secret, at most Places ticks), the result, progress reports through the year and the deputies' year-end evaluation.
/// </summary>
public class LivelihoodBallotModel(RendaDbContext db) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public LivelihoodBallotView B { get; private set; } = null!;
    /// <summary>A serving deputy of this congress: may vote while open, and evaluate at year end.</summary>
    public bool IsDeputy { get; private set; }
    public bool IsStaff => Actor.IsStaff;
    /// <summary>The government's officers (承办单位) enter candidates and report progress, as staff may.</summary>
    public bool MayReport => Actor.IsAny(ActorKinds.Staff | ActorKinds.UnitOfficer);

    /// <summary>Which form failed, so its refusal is shown next to it as well as at the top.</summary>
    public string? FailedForm { get; private set; }
    public int? FailedProjectId { get; private set; }
    public int? ProgressPercent { get; private set; }
    public string? ProgressText { get; private set; }

    [BindProperty] public ProjectForm Project { get; set; } = new();
    public sealed class ProjectForm
    {
        public string? Name { get; set; }
        public string? Department { get; set; }
        public decimal? Budget { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty] public List<int> ProjectIds { get; set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        B = await MeetingQueries.LivelihoodAsync(Db, Actor, Id, ct);
        IsDeputy = Actor.PersonId is { } p
            && await Db.Deputies.AnyAsync(d => d.PersonId == p && d.CongressId == Actor.CongressId && d.Status == DeputyStatus.Serving, ct);
    }

    private string Here(string fragment) => $"/livelihood/{Id}#{fragment}";

    public Task<IActionResult> OnPostProjectAsync(CancellationToken ct) => StepAsync(async a =>
    {
        FailedForm = "project";
        if (Project.Budget is not { } budget) throw DomainException.Invalid("budget", "请填写预算（万元），只填数字。");
        await LivelihoodBallotWorkflow.AddProjectAsync(Db, a, Id, new LivelihoodProjectInput(Project.Name, Project.Department, budget, Project.Description), ct);
    }, "候选项目已增加。", () => Here("candidates"), ct);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
        => StepAsync(a => LivelihoodBallotWorkflow.OpenAsync(Db, a, Id, ct), "投票开始，代表可以在手机上投票。", () => Here("status"), ct);

    public Task<IActionResult> OnPostCastAsync(CancellationToken ct)
        => StepAsync(a => LivelihoodBallotWorkflow.CastAsync(Db, a, Id, ProjectIds, ct), "您的选票已投出，谢谢。", () => Here("status"), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
        => StepAsync(a => LivelihoodBallotWorkflow.CloseAsync(Db, a, Id, ct), "投票结束，票决结果已产生。", () => Here("candidates"), ct);

    public Task<IActionResult> OnPostProgressAsync(int projectId, int? percent, string? text, CancellationToken ct) => StepAsync(async a =>
    {
        (FailedProjectId, ProgressPercent, ProgressText) = (projectId, percent, text);
        if (percent is not { } p) throw DomainException.Invalid("percent", "请填写完成进度（0–100 的整数）。");
        await LivelihoodBallotWorkflow.ReportProgressAsync(Db, a, projectId, p, text, ct);
    }, "实施进度已报告。", () => Here($"project-{projectId}"), ct);

    public Task<IActionResult> OnPostEvaluationAsync(CancellationToken ct)
        => StepAsync(a => LivelihoodBallotWorkflow.OpenEvaluationAsync(Db, a, Id, ct), "年终满意度测评开始，代表可以评价各项目。", () => Here("progress"), ct);

    public Task<IActionResult> OnPostEvaluateAsync(int projectId, Satisfaction? result, CancellationToken ct)
    {
        var done = result is { } r && Enum.IsDefined(r) ? $"您对该项目的评价（{MeetingLabels.Of(r)}）已记录。" : "";
        return StepAsync(async a =>
        {
            FailedProjectId = projectId;
            if (result is not { } r) throw DomainException.Invalid("result", "请选择满意、基本满意或不满意。");
            await LivelihoodBallotWorkflow.EvaluateAsync(Db, a, projectId, r, ct);
        }, done, () => Here($"project-{projectId}"), ct);
    }
}
