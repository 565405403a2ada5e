using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Renda.Web.Features.Meetings;
using Renda.Web.Features.Suggestions;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record AnswerRequest(string? Answer);
public sealed record TownshipRequest(string? Township);
public sealed record ReferRequest(int? HandlingUnitId);
public sealed record ToSuggestionRequest(int? DeputyId, string? Title, string? Category);
public sealed record FeedbackRequest(string? Feedback);
public sealed record SatisfactionRequest(Satisfaction? Satisfaction);

/// <summary>
/// Every step of a constituent's opinion: received (at a reception or online), answered on the spot, handed to the township,
/// referred to a handling unit with a reply clock, or turned into the deputy's draft suggestion; then feedback and satisfaction.
/// </summary>
public static partial class ConstituentOpinionWorkflow
{
    public const string Subject = "ConstituentOpinion";
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static DateOnly Today(RendaDbContext db) => WorkCalendar.Today(db.Clock);

    /// <summary>A new opinion, its text checked. Online text is the public's: markup carrying script is refused, other tags stripped.</summary>
    internal static ConstituentOpinion New(RendaDbContext db, int congressId, int stationId, OpinionSource source, OpinionInput input, bool markup)
    {
        string? Clean(string? value) => !markup || value is null ? value : TagPattern().Replace(value, "");
        if (markup)
            foreach (var (field, value, label) in new[] { ("personName", input.PersonName, "姓名"), ("contact", input.Contact, "联系方式"), ("content", input.Content, "意见内容") })
                if (value is not null && ScriptPattern().IsMatch(value))
                    throw DomainException.Invalid(field, $"{label}含有脚本或网页代码，未予接收，请只填写文字。");
        var category = input.Category?.Trim();
        if (string.IsNullOrEmpty(category) || !DeputiesLabels.OpinionCategories.Contains(category))
            throw DomainException.Invalid("category", $"请选择意见类别：{string.Join("、", DeputiesLabels.OpinionCategories)}。");
        return new ConstituentOpinion
        {
            CongressId = congressId, StationId = stationId, Source = source, ReceiptCode = NewCode(),
            PersonName = Text.Required("personName", Clean(input.PersonName), "群众姓名", 50),
            Contact = Text.Required("contact", Clean(input.Contact), "联系方式", 100),
            Content = Text.Required("content", Clean(input.Content), "意见内容", ConstituentOpinion.MaxContent),
            Category = category, ReceivedOn = Today(db), ReceivedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
    }

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|object|embed|style|svg)|javascript\s*:|\bon[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    private static string NewCode() => string.Create(10, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
    });

    /// <summary>
    /// An opinion left on the station's public page (no login). One network address may leave OpinionsPerAddressPerHour an hour
    /// (the station's congress's setting); more are refused (429) and nothing is written.
    /// </summary>
    public static async Task<ConstituentOpinion> SubmitOnlineAsync(RendaDbContext db, int stationId, OpinionInput input, string addressHash, CancellationToken ct)
    {
        var station = await db.Set<LiaisonStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, ct) ?? throw DomainException.NotFound("没有找到该联络站。");
        var o = New(db, station.CongressId, station.Id, OpinionSource.Online, input, markup: true);
        if (o.Content.Length < 5) throw DomainException.Invalid("content", "请写明意见内容（至少 5 字）。");
        o.AddressHash = addressHash;
        var settings = await Settings.ForAsync<DeputySettings>(db, station.CongressId, ct);
        var since = o.ReceivedAt.AddHours(-1);
        if (await db.Set<ConstituentOpinion>().CountAsync(x => x.AddressHash == addressHash && x.ReceivedAt > since, ct) >= settings.OpinionsPerAddressPerHour)
            throw new RateLimitedException($"同一网络地址每小时最多提交 {settings.OpinionsPerAddressPerHour} 条意见，请稍后再提交。");
        db.Add(o);
        await db.SaveUniqueAsync("请重新提交。", ct);
        return o;
    }

    public static async Task<ConstituentOpinion> LoadAsync(RendaDbContext db, ReceptionActor actor, int id, CancellationToken ct)
    {
        var o = await db.Set<ConstituentOpinion>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !(actor.IsStaffOf(o.CongressId) || actor.ActsFor(o.HandlingUnitId))) throw DomainException.NotFound("没有找到该群众意见。");
        return o;
    }

    private static async Task<ConstituentOpinion> LoadForStaffAsync(RendaDbContext db, ReceptionActor actor, int id, OpinionAction action, CancellationToken ct)
    {
        var o = await LoadAsync(db, actor, id, ct);
        actor.RequireStaffOf(o.CongressId);
        ConstituentOpinion.Machine.Require(o.Status, action, actor);
        return o;
    }

    public static async Task AnswerOnTheSpotAsync(RendaDbContext db, ReceptionActor actor, int id, string? answer, CancellationToken ct)
    {
        var o = await LoadForStaffAsync(db, actor, id, OpinionAction.AnswerOnTheSpot, ct);
        o.AnswerOnTheSpot(Today(db), Text.Required("answer", answer, "当场答复内容", ConstituentOpinion.MaxReply));
        await db.SaveChangesAsync(ct);
    }

    public static async Task HandToTownshipAsync(RendaDbContext db, ReceptionActor actor, int id, string? township, CancellationToken ct)
    {
        var o = await LoadForStaffAsync(db, actor, id, OpinionAction.HandToTownship, ct);
        o.HandToTownship(Today(db), Text.Required("township", township, "属地乡镇（街道）", 100));
        await db.SaveChangesAsync(ct);
    }

    public static async Task RecordTownshipResultAsync(RendaDbContext db, ReceptionActor actor, int id, string? result, CancellationToken ct)
    {
        var o = await LoadForStaffAsync(db, actor, id, OpinionAction.RecordTownshipResult, ct);
        o.RecordTownshipResult(Today(db), Text.Required("answer", result, "属地办理结果", ConstituentOpinion.MaxReply));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Referred to a handling unit of the opinion's own congress (a unit of another congress is refused): the unit's reply clock
    /// (ReferralReplyWorkingDays, owned by the unit, escalated like every clock) starts in the same save, its officers are told.
    /// </summary>
    public static async Task ReferAsync(RendaDbContext db, WorkCalendar calendar, ReceptionActor actor, int id, int? handlingUnitId, CancellationToken ct)
    {
        var o = await LoadForStaffAsync(db, actor, id, OpinionAction.Refer, ct);
        var unitId = handlingUnitId ?? throw DomainException.Invalid("handlingUnitId", "请选择承办单位。");
        var unit = await db.HandlingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.Active, ct) ?? throw DomainException.Invalid("handlingUnitId", "没有该承办单位。");
        if (unit.CongressId != o.CongressId) throw DomainException.Invalid("handlingUnitId", $"{unit.Name}不是本级人大的承办单位，群众意见只能转交同级承办单位。");
        var today = Today(db);
        o.Refer(today, unit.Id);
        var settings = await Settings.ForAsync<DeputySettings>(db, o.CongressId, ct);
        Deadlines.Start(db, calendar, new ClockStart(o.CongressId, ReceptionClocks.Of(o), ReceptionClocks.Reply(settings, unit.Id, Summary(o)), today, ClockOwner.Unit(unit.Id)));
        var officers = await db.Accounts.Where(a => a.Roles.Any(r => r.Role == Role.HandlingUnitOfficer && r.HandlingUnitId == unit.Id)).Select(a => a.Id).ToListAsync(ct);
        Notifier.Notify(db, officers, $"转交群众意见：{Summary(o)}", $"请于 {settings.ReferralReplyWorkingDays} 个工作日内答复。", $"/deputies/opinions/{o.Id}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The unit's officer answers what was referred to the unit; the reply clock is met.</summary>
    public static async Task AnswerReferralAsync(RendaDbContext db, ReceptionActor actor, int id, string? answer, CancellationToken ct)
    {
        var o = await LoadAsync(db, actor, id, ct);
        if (!actor.ActsFor(o.HandlingUnitId)) throw DomainException.Forbidden("只有该意见的承办单位经办人可以答复。");
        ConstituentOpinion.Machine.Require(o.Status, OpinionAction.AnswerReferral, actor);
        o.AnswerReferral(Today(db), Text.Required("answer", answer, "答复内容", ConstituentOpinion.MaxReply));
        foreach (var d in await Deadlines.RunningForAsync(db, Subject, ReceptionClocks.Of(o).Id, ct))
            if (ReceptionClocks.Purposes.AnyReply.Matches(d.Purpose)) Deadlines.Complete(db, d);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One action: the deputy's draft suggestion is created in the Suggestions module (the deputy edits and submits it there) and
    /// the opinion is linked to it. The deputy is one present at the reception (staff choose) or the deputy acting themself.
    /// </summary>
    public static async Task<int> TurnIntoSuggestionAsync(RendaDbContext db, WorkCalendar calendar, ReceptionActor actor, int id, ToSuggestionRequest r, CancellationToken ct)
    {
        var o = await db.Set<ConstituentOpinion>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("没有找到该群众意见。");
        var ownDeputy = actor.IsDeputy && actor.PersonId is { } pid
            ? await db.Deputies.Where(d => d.PersonId == pid && d.CongressId == o.CongressId && d.Status == DeputyStatus.Serving).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct)
            : null;
        if (!actor.IsStaffOf(o.CongressId) && ownDeputy is null) throw DomainException.NotFound("没有找到该群众意见。");
        ConstituentOpinion.Machine.Require(o.Status, OpinionAction.TurnIntoSuggestion, actor);
        var deputyId = actor.IsStaffOf(o.CongressId) ? r.DeputyId ?? throw DomainException.Invalid("deputyId", "请选择领衔提出建议的代表。") : ownDeputy!.Value;
        var deputy = await db.Deputies.AsNoTracking().Where(d => d.Id == deputyId && d.CongressId == o.CongressId && d.Status == DeputyStatus.Serving)
            .Select(d => new { d.Id, d.PersonId, d.Person!.Name }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Invalid("deputyId", "代表建议须由本级人大的在任代表提出，请选择本级代表。");
        if (o.ReceptionDayId is { } rid && !await db.Set<ReceptionAttendee>().AnyAsync(a => a.ReceptionDayId == rid && a.DeputyId == deputy.Id, ct))
            throw DomainException.Invalid("deputyId", $"{deputy.Name}未出席该接待日，请选择出席接待的代表。");
        var station = await db.Set<LiaisonStation>().AsNoTracking().Where(s => s.Id == o.StationId).Select(s => s.Name).FirstAsync(ct);
        var content = $"{o.ReceivedOn:yyyy年M月d日}，{station}{DeputiesLabels.Of(o.Source)}群众反映：\n{o.Content}";
        var suggestionActor = new SuggestionActor(actor.AccountId, deputy.Name, o.CongressId, deputy.Id, [], ActorKinds.Deputy, deputy.PersonId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (suggestion, _) = await SuggestionWorkflow.CreateAsync(db, calendar, suggestionActor,
            new SuggestionWorkflow.Draft(r.Title ?? "", content.Length > Suggestion.MaxContent ? content[..Suggestion.MaxContent] : content, r.Category ?? "", SubmissionPeriod.BetweenSessions, null, false), null, ct);
        o.TurnIntoSuggestion(Today(db), suggestion.Id);
        var accounts = await db.Accounts.Where(a => a.PersonId == deputy.PersonId).Select(a => a.Id).ToListAsync(ct);
        Notifier.Notify(db, accounts, $"群众意见已转为您的建议草稿：{suggestion.Title}", "请完善后提交。", SuggestionWorkflow.Link(suggestion));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return suggestion.Id;
    }

    /// <summary>
    /// The constituent is told. An opinion turned into a suggestion takes the suggestion's first answer (read from the
    /// Suggestions module here, no copy kept in between). The deputies who received it get a duty record (办理群众意见).
    /// </summary>
    public static async Task RecordFeedbackAsync(RendaDbContext db, ReceptionActor actor, int id, string? feedback, CancellationToken ct)
    {
        var o = await LoadForStaffAsync(db, actor, id, OpinionAction.RecordFeedback, ct);
        var text = Text.Required("feedback", feedback, "反馈内容", ConstituentOpinion.MaxReply);
        var answer = o.SuggestionId is { } sid ? await SuggestionAnswerAsync(db, sid, ct) : null;
        o.RecordFeedback(Today(db), text, answer);
        foreach (var deputyId in await HandlingDeputiesAsync(db, o, ct))
            db.Add(new DutyRecord { DeputyId = deputyId, On = o.FeedbackOn!.Value, Kind = DutyKinds.OpinionHandled, Title = ReceptionDayWorkflow.Short($"办理群众意见：{Summary(o)}"), SourceType = Subject, SourceId = o.Id });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The suggestion's outcome as the opinion shows it: its first answer, or null while it has none.</summary>
    public static async Task<(DateOnly On, string Text)?> SuggestionAnswerAsync(RendaDbContext db, int suggestionId, CancellationToken ct)
    {
        var s = await db.Set<Suggestion>().AsNoTracking().Where(x => x.Id == suggestionId).Select(x => new { x.Title, x.FirstAnsweredOn, x.Rating }).FirstOrDefaultAsync(ct);
        if (s?.FirstAnsweredOn is not { } on) return null;
        var first = await db.Set<SuggestionAnswer>().AsNoTracking().Where(a => a.SuggestionId == suggestionId).OrderBy(a => a.AnsweredOn).ThenBy(a => a.Id).Select(a => a.Text).FirstOrDefaultAsync(ct);
        var text = $"已转为代表建议《{s.Title}》，承办单位于 {on:yyyy-MM-dd} 答复：{first}";
        return (on, text.Length <= ConstituentOpinion.MaxReply ? text : text[..(ConstituentOpinion.MaxReply - 1)] + "…");
    }

    private static async Task<List<int>> HandlingDeputiesAsync(RendaDbContext db, ConstituentOpinion o, CancellationToken ct)
    {
        var ids = o.ReceptionDayId is { } rid
            ? await db.Set<ReceptionAttendee>().Where(a => a.ReceptionDayId == rid && a.DeputyId != null).Select(a => a.DeputyId!.Value).ToListAsync(ct)
            : [];
        if (o.SuggestionId is { } sid)
            ids.Add(await db.Set<Suggestion>().Where(s => s.Id == sid).Select(s => s.LeadDeputyId).FirstAsync(ct));
        return ids.Distinct().ToList();
    }

    public static async Task RecordSatisfactionAsync(RendaDbContext db, ReceptionActor actor, int id, Satisfaction? satisfaction, CancellationToken ct)
    {
        var o = await LoadForStaffAsync(db, actor, id, OpinionAction.RecordSatisfaction, ct);
        o.RecordSatisfaction(Today(db), satisfaction is { } s && Enum.IsDefined(s) ? s : throw DomainException.Invalid("satisfaction", "请选择群众的评价：满意、基本满意或不满意。"));
        await db.SaveChangesAsync(ct);
    }

    public static string Summary(ConstituentOpinion o) => ReceptionClocks.Short(o.Content.ReplaceLineEndings(" "));

    /// <summary>Anything but the staff's detail shows the contact masked: a phone keeps its first three and last four digits.</summary>
    public static string MaskContact(string contact)
        => contact.Length >= 7 && contact.All(char.IsAsciiDigit) ? PersonalData.MaskPhone(contact)! : contact.Length <= 1 ? "*" : contact[0] + new string('*', Math.Min(contact.Length - 1, 8));
}

/// <summary>Too many requests from one address: 429 with a Chinese reason.</summary>
public sealed class RateLimitedException(string message) : Exception(message);
