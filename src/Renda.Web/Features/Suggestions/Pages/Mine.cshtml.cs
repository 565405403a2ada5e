using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Suggestions.Pages;

/// <summary>The next running clock of a suggestion, as a deputy's list shows it.</summary>
public sealed record NextDue(string Title, DateOnly DueOn, bool Overdue);

public sealed record InvitationView(int Id, string Title, string LeadDeputy, DateTime InvitedAt);

/// <summary>/suggestions/mine — what the deputy leads or co-signs, and the invitations to co-sign waiting for an answer.</summary>
[Authorize(Roles = nameof(Role.Deputy))]
public class MySuggestionsModel(RendaDbContext db, SuggestionListCache lists) : WorkflowPageModel<SuggestionActor>(db)
{
    public Page<SuggestionListItem> Result { get; private set; } = new([], 1, 20, 0);
    public List<InvitationView> Invitations { get; private set; } = [];
    public Dictionary<int, NextDue> Due { get; private set; } = [];
    public int? DeputyId { get; private set; }
    public DateOnly Today { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    private SuggestionActor? actor;
    public override SuggestionActor Actor => actor ?? throw new InvalidOperationException("The page is not loaded.");
    /// <summary>Deputies only (the page's Authorize).</summary>
    protected override bool MayOpen => true;

    /// <summary>附议 or 拒绝 an invitation, then back to the list.</summary>
    public async Task<IActionResult> OnPostRespondAsync(int id, bool confirm, CancellationToken ct)
    {
        actor = await SuggestionActor.ForAsync(Db, new CurrentUser(User), ct);
        return await StepAsync(a => SuggestionWorkflow.RespondAsync(Db, a, id, confirm, ct), confirm ? "已确认附议。" : "已拒绝附议邀请。", () => "/suggestions/mine", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var pageNumber = PageNumber;
        var actor = this.actor ??= await SuggestionActor.ForReadingAsync(Db, new CurrentUser(User), ct);
        DeputyId = actor.DeputyId;
        Today = WorkCalendar.Today(Db.Clock);
        if (actor.DeputyId is not { } me)
            return;
        Result = await lists.ListAsync(Db, actor, new SuggestionFilter(Deputy: me), pageNumber, 20, ct);
        Invitations = await Db.Set<Suggestion>().AsNoTracking()
            // Invitations are answered while the suggestion is a draft (Suggestion.Machine: RespondToInvitation) and the invitation open.
            .Where(s => s.CongressId == actor.CongressId && s.Status == SuggestionStatus.Draft && s.Signers.Any(x => x.DeputyId == me && x.Status == CoSignerStatus.Invited))
            .OrderByDescending(s => s.Id)
            .Select(s => new InvitationView(s.Id, s.Title, Db.Deputies.Where(d => d.Id == s.LeadDeputyId).Select(d => d.Person!.Name).FirstOrDefault() ?? "",
                s.Signers.Where(x => x.DeputyId == me).Max(x => x.InvitedAt)))
            .ToListAsync(ct);
        var ids = Result.Items.Select(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var clocks = await Db.Deadlines.AsNoTracking()
            .Where(d => d.SubjectType == SuggestionWorkflow.Subject && ids.Contains(d.SubjectId) && (d.Status == DeadlineStatus.Open || d.Status == DeadlineStatus.Overdue))
            .Select(d => new { d.SubjectId, d.Title, d.DueOn, d.Status }).ToListAsync(ct);
        var today = Today;
        Due = clocks.GroupBy(c => c.SubjectId).ToDictionary(g => int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture), g =>
        {
            var next = g.OrderBy(c => c.DueOn).First();
            return new NextDue(next.Title, next.DueOn, SuggestionPages.IsOverdue(next.Status, next.DueOn, today));
        });
    }
}
