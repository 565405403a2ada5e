using Renda.Web.Features.Meetings;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record ForumParticipantInput(ForumParticipantKind? Kind, int? DeputyId, string? Name);
public sealed record ForumInput(string? Theme, DateOnly? HeldOn, string? Place, ForumParticipantInput[]? Participants);
public sealed record ForumOpinionInput(string? Text, string? RaisedBy);
public sealed record OpinionRouteInput(OpinionDestination? Destination, string? Detail);

/// <summary>Forums: register with participants (deputies get the duty record), record opinions, record where each went.</summary>
public static class ForumWorkflow
{
    public const int MaxOpinion = 5000;

    public static async Task<Forum> CreateAsync(RendaDbContext db, DeputyActivitiesActor actor, ForumInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var heldOn = input.HeldOn ?? throw DomainException.Invalid("heldOn", "请填写论坛日期。");
        var f = new Forum
        {
            CongressId = actor.CongressId, Year = heldOn.Year, Theme = Text.Required("theme", input.Theme, "论坛主题", 300), HeldOn = heldOn,
            Place = Text.Optional("place", input.Place, "地点", 300), CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        var participants = input.Participants ?? [];
        if (participants.Length > 1000) throw DomainException.Invalid("participants", "参加人员最多 1000 名。");
        var ids = participants.Where(p => p.DeputyId is not null).Select(p => p.DeputyId!.Value).ToList();
        if (ids.Distinct().Count() != ids.Count) throw DomainException.Invalid("participants", "同一名代表不能重复添加。");
        var deputies = await CongressLine.DeputiesAsync(db, actor.CongressId, ids, "participants", ct);
        foreach (var p in participants)
            f.Participants.Add(p.DeputyId is { } d
                ? new ForumParticipant { Kind = ForumParticipantKind.Deputy, DeputyId = d, Name = deputies.First(x => x.Id == d).Name }
                : new ForumParticipant
                {
                    Kind = p.Kind is { } k && k != ForumParticipantKind.Deputy && Enum.IsDefined(k) ? k : throw DomainException.Invalid("participants", "未选代表的参加者须注明是专家学者、部门或其他。"),
                    Name = Text.Required("participants", p.Name, "参加者名称", 100),
                });
        if (f.Participants.Count == 0) throw DomainException.Invalid("participants", "请填写参加论坛的代表、专家或部门。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(f);
        await db.SaveChangesAsync(ct);
        foreach (var d in ids)
            db.Add(new DutyRecord { DeputyId = d, On = f.HeldOn, Kind = DutyKinds.Forum, Title = f.Theme, SourceType = Forum.Subject, SourceId = f.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return f;
    }

    public static async Task<ForumOpinion> AddOpinionAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, ForumOpinionInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var f = await LoadAsync(db, actor, id, ct);
        if (f.HeldOn > WorkCalendar.Today(db.Clock)) throw DomainException.Conflict($"论坛 {f.HeldOn:yyyy-MM-dd} 举行，举行前不能登记意见。");
        var opinion = new ForumOpinion { Text = Text.Required("text", input.Text, "意见内容", MaxOpinion), RaisedBy = Text.Required("raisedBy", input.RaisedBy, "提出人", 100) };
        f.Opinions.Add(opinion);
        await db.SaveChangesAsync(ct);
        return opinion;
    }

    /// <summary>Where an opinion went; a later step may correct it (the audit keeps the earlier one).</summary>
    public static async Task RouteOpinionAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, int opinionId, OpinionRouteInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var f = await LoadAsync(db, actor, id, ct);
        var opinion = f.Opinions.FirstOrDefault(o => o.Id == opinionId) ?? throw DomainException.NotFound("没有找到该意见。");
        var destination = input.Destination is { } d && Enum.IsDefined(d) ? d : throw DomainException.Invalid("destination", "请选择意见的去向。");
        var label = destination switch
        {
            OpinionDestination.Transferred => "承办单位",
            OpinionDestination.Suggestion => "建议编号或链接",
            OpinionDestination.Decision => "决议决定名称或链接",
            OpinionDestination.Noted => "说明",
        };
        opinion.Destination = destination;
        opinion.DestinationDetail = destination == OpinionDestination.Noted
            ? Text.Optional("detail", input.Detail, label, 500)
            : Text.Required("detail", input.Detail, label, 500);
        opinion.RoutedOn = WorkCalendar.Today(db.Clock);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Forum> LoadAsync(RendaDbContext db, DeputyActivitiesActor actor, int id, CancellationToken ct)
    {
        var f = await db.Set<Forum>().Include(x => x.Participants).Include(x => x.Opinions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null || f.CongressId != actor.CongressId || !actor.MayRead) throw DomainException.NotFound("没有找到该论坛。");
        return f;
    }
}
