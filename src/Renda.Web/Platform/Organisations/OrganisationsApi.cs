using Microsoft.AspNetCore.Http.HttpResults;
using Renda.Web.Platform.People;

namespace Renda.Web.Platform.Organisations;

public sealed record CongressView(string Code, string Name, string StandingCommittee, RegionLevel Level, string? ParentCode);
public sealed record CommitteeView(int Id, string Name, CommitteeKind Kind, bool ManagesDeputies);
public sealed record HandlingUnitView(int Id, string Name, HandlingUnitKind Kind, bool Active);
/// <summary>The standing committee's seats on a day; their number is "all members" for a vote that day.</summary>
public sealed record MembersOn(DateOnly On, int AllMembers, IReadOnlyList<MemberView> Members);
public sealed record MemberView(int Id, int PersonId, string Name, StandingCommitteePost Post, string PostLabel, DateOnly SeatedOn, DateOnly? LeftOn);
public sealed record CongressStatistics(string Code, string Name, DateOnly On, int AllMembers, int ServingDeputies, int FemaleDeputies, int MinorityDeputies, IReadOnlyList<CongressStatistics> Below);

public static class Posts
{
    public static string Label(this StandingCommitteePost post) => post switch
    {
        StandingCommitteePost.Chair => "主任",
        StandingCommitteePost.ViceChair => "副主任",
        StandingCommitteePost.SecretaryGeneral => "秘书长",
        StandingCommitteePost.Member => "委员",
    };
}

/// <summary>The congress hierarchy, committees, handling units and standing-committee membership.</summary>
public static class OrganisationsApi
{
    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("组织机构");
        // Which congresses exist is public knowledge, as on every congress's own website.
        api.MapGet("/congresses", async (RendaDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Congresses.AsNoTracking().Include(c => c.Parent).OrderBy(c => c.Code).ToListAsync(ct))
                .Select(c => new CongressView(c.Code, c.RegionName, c.StandingCommitteeName, c.Level, c.Parent?.Code)).ToList()))
            .AllowAnonymous().WithName("Organisations_ListCongresses").WithSummary("平台上的各级人大（公开）");
        var own = api.MapGroup("/congresses/{code}").RequireAuthorization();
        own.MapGet("/committees", async (string code, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) =>
        {
            var congress = await CongressScope.OwnAsync(db, u.User, code, ct);
            return TypedResults.Ok(await db.Committees.AsNoTracking().Where(c => c.CongressId == congress.Id).OrderBy(c => c.Id)
                .Select(c => new CommitteeView(c.Id, c.Name, c.Kind, c.ManagesDeputies)).ToListAsync(ct));
        }).WithName("Organisations_ListCommittees").WithSummary("本级人大的专门委员会与工作机构");
        own.MapGet("/handling-units", async (string code, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) =>
        {
            var congress = await CongressScope.OwnAsync(db, u.User, code, ct);
            return TypedResults.Ok(await db.HandlingUnits.AsNoTracking().Where(h => h.CongressId == congress.Id).OrderBy(h => h.Id)
                .Select(h => new HandlingUnitView(h.Id, h.Name, h.Kind, h.Active)).ToListAsync(ct));
        }).WithName("Organisations_ListHandlingUnits").WithSummary("本级的承办单位（一府一委两院及其部门）");
        own.MapGet("/terms", async (string code, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) =>
        {
            var congress = await CongressScope.OwnAsync(db, u.User, code, ct);
            return TypedResults.Ok(await db.Terms.AsNoTracking().Where(t => t.CongressId == congress.Id).OrderBy(t => t.Number).ToListAsync(ct));
        }).WithName("Organisations_ListTerms").WithSummary("本级人大的各届");
        own.MapGet("/members", async (string code, DateOnly? on, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) =>
        {
            var congress = await CongressScope.OwnAsync(db, u.User, code, ct);
            var day = on ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddHours(8));
            var members = await Members.SeatedOnAsync(db, congress.Id, day, ct);
            return TypedResults.Ok(new MembersOn(day, members.Count, members));
        }).WithName("Organisations_ListMembers").WithSummary("某日在任的常委会组成人员（全体组成人员人数）");
        own.MapGet("/statistics", async (string code, DateOnly? on, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) =>
        {
            var congress = await CongressScope.OwnOrBelowAsync(db, u.User, code, ct);
            var day = on ?? DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddHours(8));
            return TypedResults.Ok(await Members.StatisticsAsync(db, congress, day, ct));
        }).WithName("Organisations_Statistics").WithSummary("本级及下级人大的组成人员与代表统计");
    }
}

public static class Members
{
    /// <summary>The seats open on a day: their number is "all members" (全体组成人员) for a vote on that day.</summary>
    public static async Task<List<MemberView>> SeatedOnAsync(RendaDbContext db, int congressId, DateOnly day, CancellationToken ct = default)
    {
        var rows = await db.StandingCommitteeMembers.AsNoTracking()
            .Where(m => m.CongressId == congressId && m.SeatedOn <= day && (m.LeftOn == null || m.LeftOn > day))
            .Select(m => new { m.Id, m.PersonId, m.Person!.Name, m.Post, m.SeatedOn, m.LeftOn })
            .ToListAsync(ct);
        // Enums are stored by name, so the rank order (主任, 副主任, 秘书长, 委员) is applied here, not in SQL.
        return rows.OrderBy(m => m.Post).ThenBy(m => m.Id).Select(m => new MemberView(m.Id, m.PersonId, m.Name, m.Post, m.Post.Label(), m.SeatedOn, m.LeftOn)).ToList();
    }

    public static async Task<int> AllMembersOnAsync(RendaDbContext db, int congressId, DateOnly day, CancellationToken ct = default)
        => await db.StandingCommitteeMembers.CountAsync(m => m.CongressId == congressId && m.SeatedOn <= day && (m.LeftOn == null || m.LeftOn > day), ct);

    /// <summary>Counts only: what an upper congress may see of the congresses below it.</summary>
    public static async Task<CongressStatistics> StatisticsAsync(RendaDbContext db, Congress congress, DateOnly day, CancellationToken ct = default)
    {
        var deputies = db.Deputies.AsNoTracking().Where(d => d.CongressId == congress.Id && d.Status == DeputyStatus.Serving);
        var below = new List<CongressStatistics>();
        foreach (var child in await db.Congresses.AsNoTracking().Where(c => c.ParentId == congress.Id).OrderBy(c => c.Code).ToListAsync(ct))
            below.Add(await StatisticsAsync(db, child, day, ct));
        return new CongressStatistics(congress.Code, congress.StandingCommitteeName, day,
            await AllMembersOnAsync(db, congress.Id, day, ct),
            await deputies.CountAsync(ct),
            await deputies.CountAsync(d => d.Person!.Gender == Gender.Female, ct),
            await deputies.CountAsync(d => d.Person!.Ethnicity != null && d.Person.Ethnicity != "汉族", ct),
            below);
    }
}
