using System.Security.Cryptography;
using System.Text;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Meetings;

public sealed record LivelihoodBallotInput(int Year, string? Title, string? Session, int Places, TieRule TieRule);
public sealed record LivelihoodProjectInput(string? Name, string? Department, decimal Budget, string? Description);

/// <summary>民生实事项目人大代表票决: candidates, the deputies' secret ballot, the result, progress and the year-end evaluation.</summary>
public static class LivelihoodBallotWorkflow
{
    /// <summary>The source of a deputy's duty record for a ballot cast.</summary>
    public const string Subject = "LivelihoodProjectBallot";

    public static async Task<LivelihoodProjectBallot> LoadAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var b = await db.Set<LivelihoodProjectBallot>().Include(x => x.Projects).ThenInclude(p => p.Progress).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || b.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该票决。");
        return b;
    }

    private static void RequireStaffOrUnit(MeetingActor actor) => actor.RequireAny(ActorKinds.Staff | ActorKinds.UnitOfficer, "只有常委会工作人员或政府承办单位可以办理此操作。");

    public static async Task<LivelihoodProjectBallot> CreateAsync(RendaDbContext db, MeetingActor actor, LivelihoodBallotInput r, CancellationToken ct)
    {
        actor.RequireStaff();
        if (r.Year < 2000 || r.Year > 2100) throw DomainException.Invalid("year", "年度无效。");
        if (r.Places is < 1 or > 100) throw DomainException.Invalid("places", "拟确定的项目数应为 1–100。");
        if (!Enum.IsDefined(r.TieRule)) throw DomainException.Invalid("tieRule", "得票相同的处理规则无效。");
        var b = new LivelihoodProjectBallot
        {
            CongressId = actor.CongressId, Year = r.Year, Title = Text.Required("title", r.Title, "标题", 200), Session = Text.Required("session", r.Session, "代表大会会议", 200),
            Places = r.Places, TieRule = r.TieRule, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(b);
        await db.SaveChangesAsync(ct);
        return b;
    }

    /// <summary>The government (a handling-unit officer) or staff enters a candidate while the ballot is in draft.</summary>
    public static async Task<LivelihoodProject> AddProjectAsync(RendaDbContext db, MeetingActor actor, int ballotId, LivelihoodProjectInput r, CancellationToken ct)
    {
        RequireStaffOrUnit(actor);
        var b = await LoadAsync(db, actor, ballotId, ct);
        if (r.Budget is <= 0 or > 100_000_000) throw DomainException.Invalid("budget", "预算（万元）应大于 0。");
        var p = b.AddProject(Text.Required("name", r.Name, "项目名称", 200), Text.Required("department", r.Department, "责任部门", 100), r.Budget,
            Text.Required("description", r.Description, "项目内容", 2000));
        await db.SaveChangesAsync(ct);
        return p;
    }

    public static async Task OpenAsync(RendaDbContext db, MeetingActor actor, int ballotId, CancellationToken ct)
    {
        actor.RequireStaff();
        var b = await LoadAsync(db, actor, ballotId, ct);
        var eligible = await db.Deputies.CountAsync(d => d.CongressId == b.CongressId && d.Status == DeputyStatus.Serving, ct);
        b.Open(db.Clock.GetUtcNow().UtcDateTime, eligible);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One deputy's secret ballot: a receipt (that the deputy voted, unique per ballot) and an unlinked paper (what was
    /// ticked), in one transaction outside the audit lock; the ballot row is read FOR SHARE so closing waits for it.
    /// </summary>
    public static async Task CastAsync(RendaDbContext db, MeetingActor actor, int ballotId, IReadOnlyList<int>? projectIds, CancellationToken ct)
    {
        var deputyId = await actor.RequireDeputyAsync(db, ct);
        var ticks = (projectIds ?? []).ToList();
        if (ticks.Distinct().Count() != ticks.Count) throw DomainException.Invalid("projectIds", "同一项目只能勾选一次。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var q = db.Set<LivelihoodProjectBallot>().Where(x => x.Id == ballotId);
        if (db.Provider == DatabaseProvider.Postgres)
            q = db.Set<LivelihoodProjectBallot>().FromSqlRaw("""SELECT * FROM "LivelihoodProjectBallots" WHERE "Id" = {0} FOR SHARE""", ballotId);
        var b = await q.AsNoTracking().Select(x => new { x.CongressId, x.Status, x.Places, x.Title }).FirstOrDefaultAsync(ct);
        if (b is null || b.CongressId != actor.CongressId) throw DomainException.NotFound("没有找到该票决。");
        LivelihoodProjectBallot.RequireCasting(b.Status);
        if (ticks.Count > b.Places) throw DomainException.Invalid("projectIds", $"最多勾选 {b.Places} 个项目（现勾选 {ticks.Count} 个）。");
        if (ticks.Count > 0)
        {
            var valid = await db.Set<LivelihoodProject>().CountAsync(p => p.BallotId == ballotId && ticks.Contains(p.Id), ct);
            if (valid != ticks.Count) throw DomainException.Invalid("projectIds", "勾选的项目不在本次票决的候选项目中。");
        }
        db.Add(new LivelihoodBallotReceipt { BallotId = ballotId, DeputyId = deputyId });
        // That the deputy voted (never what) goes into the duty archive, with the receipt: a second vote fails on both.
        db.Add(new DutyRecord { DeputyId = deputyId, On = WorkCalendar.Today(db.Clock), Kind = DutyKinds.LivelihoodBallot, Title = b.Title, SourceType = LivelihoodBallotWorkflow.Subject, SourceId = ballotId });
        db.Add(new LivelihoodBallotPaper { Id = Guid.NewGuid(), BallotId = ballotId, Choices = LivelihoodChoices.Format(ticks) });
        // No savepoint around the save (two more round trips): a failed save ends this transaction, which is rolled back.
        db.Database.AutoSavepointsEnabled = false;
        await db.SaveUniqueAsync("您已在本次票决中投票，每位代表只能投一票。", ct);
        await tx.CommitAsync(ct);
    }

    public static async Task<LivelihoodProjectBallot> CloseAsync(RendaDbContext db, MeetingActor actor, int ballotId, CancellationToken ct)
    {
        actor.RequireStaff();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditChain.BeginLockedAsync(db, ct);
        if (db.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "LivelihoodProjectBallots" WHERE "Id" = {0} FOR UPDATE""", [ballotId], ct);
        var b = await LoadAsync(db, actor, ballotId, ct);
        var papers = await db.Set<LivelihoodBallotPaper>().AsNoTracking().Where(p => p.BallotId == ballotId).Select(p => p.Choices).ToListAsync(ct);
        var receipts = await db.Set<LivelihoodBallotReceipt>().AsNoTracking().Where(p => p.BallotId == ballotId).Select(p => p.DeputyId).ToListAsync(ct);
        if (receipts.Count != papers.Count)
            throw new InvalidOperationException($"Ballot {ballotId}: {receipts.Count} receipts but {papers.Count} papers.");
        b.Close(db.Clock.GetUtcNow().UtcDateTime, papers, Digest(ballotId, receipts, papers));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return b;
    }

    public static string Digest(int ballotId, IEnumerable<int> receipts, IEnumerable<string> papers)
    {
        var sb = new StringBuilder().Append("livelihood:").Append(ballotId).Append('\n');
        foreach (var d in receipts.Order()) sb.Append("deputy:").Append(d).Append('\n');
        foreach (var p in papers.Order(StringComparer.Ordinal)) sb.Append("paper:").Append(p).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public static async Task ReportProgressAsync(RendaDbContext db, MeetingActor actor, int projectId, int percent, string? text, CancellationToken ct)
    {
        RequireStaffOrUnit(actor);
        var project = await db.Set<LivelihoodProject>().Include(p => p.Progress).FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw DomainException.NotFound("没有找到该项目。");
        var b = await LoadAsync(db, actor, project.BallotId, ct);
        b.ReportProgress(project, WorkCalendar.Today(db.Clock), percent, Text.Required("text", text, "进展情况", 2000));
        await db.SaveChangesAsync(ct);
    }

    public static async Task OpenEvaluationAsync(RendaDbContext db, MeetingActor actor, int ballotId, CancellationToken ct)
    {
        actor.RequireStaff();
        var b = await LoadAsync(db, actor, ballotId, ct);
        b.OpenEvaluation();
        await db.SaveChangesAsync(ct);
    }

    public static async Task EvaluateAsync(RendaDbContext db, MeetingActor actor, int projectId, Satisfaction result, CancellationToken ct)
    {
        if (!Enum.IsDefined(result)) throw DomainException.Invalid("result", "评价应为满意、基本满意或不满意。");
        var deputyId = await actor.RequireDeputyAsync(db, ct);
        var project = await db.Set<LivelihoodProject>().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw DomainException.NotFound("没有找到该项目。");
        var b = await LoadAsync(db, actor, project.BallotId, ct);
        b.RequireEvaluation(project);
        db.Add(new LivelihoodEvaluation { ProjectId = projectId, DeputyId = deputyId, Result = result, At = db.Clock.GetUtcNow().UtcDateTime });
        await db.SaveUniqueAsync("您已对该项目作出评价。", ct);
    }
}
