using Renda.Web.Features.Meetings;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Supervision;

public sealed record TeamInput(TeamRole Role, string? Name, int? PersonId, int? DeputyId);
public sealed record InspectionInput(string? Law, string? Title, DateOnly StartsOn, DateOnly EndsOn, string? Places, bool UsesQuestionnaire, bool UsesSpotCheck,
    bool UsesThirdPartyAssessment, int? TopicId, TeamInput[]? Team, string[]? JointCongressCodes);

/// <summary>Law-enforcement inspections: the team, joint parts of lower congresses, findings, and the report that enters the work-report loop.</summary>
public static class InspectionWorkflow
{
    public static async Task<LawEnforcementInspection> CreateInspectionAsync(RendaDbContext db, SupervisionActor actor, InspectionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        await SupervisionPlanWorkflow.RequireOwnTopicAsync(db, actor, input.TopicId, ct);
        if (input.EndsOn < input.StartsOn) throw DomainException.Invalid("endsOn", "结束日期不能早于开始日期。");
        var i = new LawEnforcementInspection
        {
            CongressId = actor.CongressId, Year = input.StartsOn.Year, Law = Text.Required("law", input.Law, "检查的法律法规", 200),
            Title = Text.Optional("title", input.Title, "名称", 300) ?? $"{Text.Required("law", input.Law, "检查的法律法规", 200)}执法检查",
            StartsOn = input.StartsOn, EndsOn = input.EndsOn, Places = Text.Optional("places", input.Places, "检查地点", 1000),
            UsesQuestionnaire = input.UsesQuestionnaire, UsesSpotCheck = input.UsesSpotCheck, UsesThirdPartyAssessment = input.UsesThirdPartyAssessment,
            TopicId = input.TopicId, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        foreach (var t in input.Team ?? [])
            i.Team.Add(await TeamMemberAsync(db, actor.CongressId, t, ct));
        if (i.Team.Count == 0) throw DomainException.Invalid("team", "请组成执法检查组。");
        if (!i.Team.Any(t => t.Role == TeamRole.Leader)) throw DomainException.Invalid("team", "执法检查组须有组长。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(i);
        await db.SaveChangesAsync(ct);
        // Joint inspection (联动): each lower congress gets its own part, which it sees and fills in.
        var below = await db.Congresses.Where(c => c.ParentId == actor.CongressId).ToListAsync(ct);
        foreach (var code in (input.JointCongressCodes ?? []).Distinct())
        {
            var lower = below.FirstOrDefault(c => c.Code == code) ?? throw DomainException.Invalid("jointCongressCodes", $"{code} 不是本级的下一级人大。");
            db.Add(new LawEnforcementInspection
            {
                CongressId = lower.Id, Year = i.Year, ParentId = i.Id, Law = i.Law, Title = $"{i.Title}（{lower.ShortName}联动检查）", StartsOn = i.StartsOn, EndsOn = i.EndsOn,
                CreatedAt = i.CreatedAt,
            });
        }
        AddDutyRecords(db, i);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return i;
    }

    private static void AddDutyRecords(RendaDbContext db, LawEnforcementInspection i)
    {
        foreach (var d in i.Team.Where(t => t.DeputyId is not null))
            db.Add(new DutyRecord { DeputyId = d.DeputyId!.Value, On = i.StartsOn, Kind = "参加执法检查", Title = i.Title, SourceType = LawEnforcementInspection.Subject, SourceId = i.Id });
    }

    private static async Task<InspectionTeamMember> TeamMemberAsync(RendaDbContext db, int congressId, TeamInput t, CancellationToken ct)
    {
        if (!Enum.IsDefined(t.Role)) throw DomainException.Invalid("team", "检查组成员身份无效。");
        if (t.DeputyId is { } deputyId)
        {
            var name = await db.Deputies.Where(d => d.Id == deputyId && d.CongressId == congressId && d.Status == DeputyStatus.Serving).Select(d => d.Person!.Name).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid("team", "检查组中的代表须是本级人大的在任代表。");
            return new InspectionTeamMember { Role = TeamRole.Deputy, DeputyId = deputyId, Name = name };
        }
        if (t.Role == TeamRole.Deputy) throw DomainException.Invalid("team", "代表须从代表名册中选择。");
        if (t.PersonId is { } personId)
        {
            var name = await db.StandingCommitteeMembers.Where(m => m.PersonId == personId && m.CongressId == congressId).Select(m => m.Person!.Name).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid("team", "该人员不是本级常委会组成人员。");
            return new InspectionTeamMember { Role = t.Role, PersonId = personId, Name = name };
        }
        return new InspectionTeamMember { Role = t.Role, Name = Text.Required("team", t.Name, "检查组成员姓名", 50) };
    }

    public static async Task<LawEnforcementInspection> LoadInspectionAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var i = await db.Set<LawEnforcementInspection>().Include(x => x.Team).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || i.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该执法检查。");
        return i;
    }

    public static async Task RecordFindingsAsync(RendaDbContext db, SupervisionActor actor, int id, string? findings, CancellationToken ct)
    {
        actor.RequireStaff();
        var i = await LoadInspectionAsync(db, actor, id, ct);
        i.RecordFindings(Text.Required("findings", findings, "检查发现的问题", 20_000));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The report (assessment of implementation and proposals) enters the work-report loop, heard at the meeting chosen.</summary>
    public static async Task<WorkReport> ReportInspectionAsync(RendaDbContext db, WorkCalendar calendar, SupervisionActor actor, int id, string? report, int organId, int? meetingId, string? lateReason, CancellationToken ct)
    {
        actor.RequireStaff();
        var i = await LoadInspectionAsync(db, actor, id, ct);
        i.RequireReportable();
        var text = Text.Required("report", report, "执法检查报告", 50_000);
        var congress = await db.Congresses.FirstAsync(c => c.Id == i.CongressId, ct);
        var r = await WorkReportWorkflow.RegisterAsync(db, calendar, actor, new WorkReportInput(WorkReportKind.InspectionReport,
            $"{congress.StandingCommitteeName}执法检查组关于检查{i.Law}实施情况的报告", organId, null, i.TopicId, meetingId, null, lateReason), ct);
        r.InspectionId = i.Id;
        r.Submit(text, WorkCalendar.Today(db.Clock));
        i.Reported(r.Id);
        await db.SaveChangesAsync(ct);
        return r;
    }
}
