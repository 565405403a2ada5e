using Renda.Web.Platform.People;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Supervision;

public sealed record InterpellationInput(string? Title, string? Questions, int OrganId, int? MeetingId, int[]? ProposerPersonIds);

/// <summary>Interpellations: filed by enough members, answered by the organ, rated by each proposer, answered again.</summary>
public static class InterpellationWorkflow
{
    /// <summary>The proposer minimum of 第五十一条 by the congress's level: national 10, province and prefecture 5, county 3.</summary>
    public static int MinimumProposers(RegionLevel level) => level switch
    {
        RegionLevel.National => 10,
        RegionLevel.Province or RegionLevel.Prefecture => 5,
        RegionLevel.County => 3,
        RegionLevel.Township => int.MaxValue,
    };

    public static async Task<Interpellation> FileInterpellationAsync(RendaDbContext db, SupervisionActor actor, InterpellationInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var congress = await db.Congresses.FirstAsync(c => c.Id == actor.CongressId, ct);
        var min = MinimumProposers(congress.Level);
        if (min == int.MaxValue) throw DomainException.Conflict("乡镇人大不设常委会，不能提出质询案。");
        var today = WorkCalendar.Today(db.Clock);
        var ids = (input.ProposerPersonIds ?? []).Distinct().ToList();
        var seated = (await Members.SeatedOnAsync(db, actor.CongressId, today, ct)).Where(m => ids.Contains(m.PersonId)).ToList();
        if (seated.Count != ids.Count) throw DomainException.Invalid("proposerPersonIds", "提议人须是本级常委会在任的组成人员。");
        if (ids.Count < min)
            throw DomainException.Invalid("proposerPersonIds", $"{congress.StandingCommitteeName}组成人员{min}人以上联名，方可提出质询案（监督法第五十一条）；现有 {ids.Count} 人。");
        if (!await db.HandlingUnits.AnyAsync(u => u.Id == input.OrganId && u.CongressId == actor.CongressId, ct))
            throw DomainException.Invalid("organId", "请选择被质询机关。");
        var i = new Interpellation
        {
            CongressId = actor.CongressId, Year = today.Year, MeetingId = input.MeetingId, OrganId = input.OrganId, Title = Text.Required("title", input.Title, "质询案案由", 300),
            Questions = Text.Required("questions", input.Questions, "质询的问题和内容", 10_000), FiledOn = today, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            Proposers = seated.Select(s => new InterpellationProposer { PersonId = s.PersonId, Name = s.Name }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(i);
        await db.SaveChangesAsync(ct);
        // Proposers are members; those who are also deputies of this congress have it in their duty archive.
        var deputies = await DutyRecords.DeputiesOfPeopleAsync(db, actor.CongressId, ids, ct);
        await DutyRecords.AddAsync(db, deputies, today, DutyKinds.Interpellation, i.Title, Interpellation.Subject, i.Id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return i;
    }

    public static async Task<Interpellation> LoadInterpellationAsync(RendaDbContext db, SupervisionActor actor, int id, CancellationToken ct)
    {
        var i = await db.Set<Interpellation>().Include(x => x.Proposers).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || i.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该质询案。");
        return i;
    }

    public static async Task AnswerInterpellationAsync(RendaDbContext db, SupervisionActor actor, int id, string? answeredBy, string? answer, CancellationToken ct)
    {
        var i = await LoadInterpellationAsync(db, actor, id, ct);
        actor.RequireOrganOrStaff(i.OrganId);
        var text = Text.Required("answer", answer, "答复", 20_000);
        var by = Text.Required("answeredBy", answeredBy, "答复人", 50);
        var today = WorkCalendar.Today(db.Clock);
        i.AnswerWith(text, by, today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A proposer states satisfaction (staff record it for a proposer); the interpellation decides what follows.</summary>
    public static async Task RateInterpellationAsync(RendaDbContext db, SupervisionActor actor, int id, int personId, bool satisfied, CancellationToken ct)
    {
        var i = await LoadInterpellationAsync(db, actor, id, ct);
        if (!actor.IsStaff && actor.PersonId != personId) throw DomainException.Forbidden("只能表明本人的满意程度。");
        i.Rate(personId, satisfied);
        await db.SaveChangesAsync(ct);
    }
}
