using MeetingText = Renda.Web.Features.Meetings.Text;

namespace Renda.Web.Features.Legislation;

public sealed record PlanProjectInput(int Year, PlanCategory Category, string? Title, string? Sponsor, int? CommitteeId, string? TargetMeeting);
public sealed record ContactPointInput(string? Name, string? Location, DateOnly EstablishedOn, bool National);

/// <summary>The annual legislative plan and the registry of contact points.</summary>
public static class LegislationPlan
{
    public static async Task<PlanProject> AddProjectAsync(RendaDbContext db, LegislationActor actor, PlanProjectInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        if (input.Year is < 1979 or > 2100) throw DomainException.Invalid("year", "年度无效。");
        if (!Enum.IsDefined(input.Category)) throw DomainException.Invalid("category", "项目类别应为正式项目、预备项目或调研项目。");
        if (input.CommitteeId is { } c && !await db.Committees.AnyAsync(x => x.Id == c && x.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("committeeId", "承办委员会须是本级常委会的委员会。");
        var p = new PlanProject
        {
            CongressId = actor.CongressId, Year = input.Year, Category = input.Category, Title = MeetingText.Required("title", input.Title, "项目名称", 200),
            Sponsor = MeetingText.Required("sponsor", input.Sponsor, "提请机关", 100), CommitteeId = input.CommitteeId,
            TargetMeeting = MeetingText.Optional("targetMeeting", input.TargetMeeting, "拟提请审议时间", 100),
        };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    public static async Task SetProjectStatusAsync(RendaDbContext db, LegislationActor actor, int id, PlanProjectStatus status, CancellationToken ct)
    {
        actor.RequireStaff();
        if (!Enum.IsDefined(status)) throw DomainException.Invalid("status", "状态无效。");
        var p = await db.Set<PlanProject>().FirstOrDefaultAsync(x => x.Id == id && x.CongressId == actor.CongressId, ct) ?? throw DomainException.NotFound("没有找到该立法计划项目。");
        var action = PlanProject.ActionTo(status);
        if (action == PlanProjectAction.Complete && p.Category == PlanCategory.Formal
            && !await db.Set<Bill>().AnyAsync(b => b.Id == p.BillId && Bill.PassedStates.Contains(b.Status), ct))
            throw DomainException.Conflict("正式项目须有已通过的法规才算完成。");
        p.Take(action);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<LegislativeContactPoint> AddContactPointAsync(RendaDbContext db, LegislationActor actor, ContactPointInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var p = new LegislativeContactPoint
        {
            CongressId = actor.CongressId, Name = MeetingText.Required("name", input.Name, "联系点名称", 100),
            Location = MeetingText.Required("location", input.Location, "所在地", 100), EstablishedOn = input.EstablishedOn, National = input.National,
        };
        db.Add(p);
        await db.SaveUniqueAsync("已有同名的基层立法联系点。", ct);
        return p;
    }

    /// <summary>
    /// Assigns deputies to a contact point: those of its congress and of the congresses above and below it, as at a liaison
    /// station (a county's point works with the provincial and prefectural deputies who live there).
    /// </summary>
    public static async Task AssignContactPointDeputiesAsync(RendaDbContext db, LegislationActor actor, int pointId, IReadOnlyList<int>? deputyIds, CancellationToken ct)
    {
        var p = await LoadContactPointAsync(db, actor, pointId, ct);
        if (deputyIds is not { Count: > 0 }) throw DomainException.Invalid("deputyIds", "请选择联系点的代表。");
        await Renda.Web.Features.Deputies.StationWorkflow.RequireDeputiesInTreeAsync(db, p.CongressId, deputyIds, "deputyIds", ct);
        var today = WorkCalendar.Today(db.Clock);
        foreach (var d in deputyIds.Distinct().Where(d => p.Deputies.All(x => x.DeputyId != d)))
            p.Deputies.Add(new ContactPointDeputy { DeputyId = d, AssignedOn = today });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The deputy no longer works with the point; the consultations the deputy took part in stay in the archive.</summary>
    public static async Task RemoveContactPointDeputyAsync(RendaDbContext db, LegislationActor actor, int pointId, int deputyId, CancellationToken ct)
    {
        var p = await LoadContactPointAsync(db, actor, pointId, ct);
        var row = p.Deputies.FirstOrDefault(d => d.DeputyId == deputyId) ?? throw DomainException.NotFound("该代表不在本联系点。");
        p.Deputies.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<LegislativeContactPoint> LoadContactPointAsync(RendaDbContext db, LegislationActor actor, int pointId, CancellationToken ct)
    {
        actor.RequireStaff();
        var p = await db.Set<LegislativeContactPoint>().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == pointId, ct);
        if (p is null || p.CongressId != actor.CongressId) throw DomainException.NotFound("没有找到该基层立法联系点。");
        return p;
    }
}
