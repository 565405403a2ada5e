using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Renda.Web.Platform.Organisations;
using Renda.Web.Platform.People;
using MeetingText = Renda.Web.Features.Meetings.Text;

namespace Renda.Web.Features.Legislation;

public sealed record CommentPeriodInput(int VersionId, DateOnly OpensOn, DateOnly ClosesOn, string? ShortPeriodReason, int[]? ContactPointIds);
/// <summary>deputyIds: with contactPointId, the point's deputies who took part in the consultation (each gets 基层立法联系点征求意见).</summary>
public sealed record CommentInput(string? NodeId, string? Text, string? Name, string? Contact, int? ContactPointId, int[]? DeputyIds = null);
/// <summary>Handling: Sorted (已整理) or a verdict; reason required for PartlyAdopted and NotAdopted.</summary>
public sealed record HandlingInput(CommentHandling Handling, string? Reason);
/// <summary>One handling for a group of similar comments of the same period, applied to all or to none.</summary>
public sealed record GroupHandlingInput(int[]? CommentIds, CommentHandling Handling, string? Reason);

/// <summary>
/// Public comment on drafts (征求意见): a period on a frozen version, comments per article from citizens (anonymous, rate
/// limited, filtered), deputies (signed in) and contact points; the opinion summary (意见汇总) and its publication.
/// </summary>
public static partial class CommentPeriodWorkflow
{
    public static async Task<CommentPeriod> LoadAsync(RendaDbContext db, LegislationActor actor, int id, CancellationToken ct)
    {
        var p = await db.Set<CommentPeriod>().Include(x => x.Points).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("没有找到该征求意见。");
        await BillWorkflow.LoadAsync(db, actor, p.BillId, ct);
        return p;
    }

    /// <summary>Opens a period of at least 30 days (立法法 第四十条) unless a shorter one is decided with a recorded reason.</summary>
    public static async Task<CommentPeriod> OpenAsync(RendaDbContext db, LegislationActor actor, int billId, CommentPeriodInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var bill = await BillWorkflow.LoadAsync(db, actor, billId, ct);
        bill.RequireOpenComment();
        var settings = await Settings.ForAsync<LegislationSettings>(db, bill.CongressId, ct);
        var version = await BillWorkflow.LoadVersionAsync(db, actor, billId, input.VersionId, ct);
        if (input.ClosesOn < input.OpensOn) throw DomainException.Invalid("closesOn", "截止日期不能早于开始日期。");
        if (input.OpensOn < WorkCalendar.Today(db.Clock)) throw DomainException.Invalid("opensOn", "开始日期不能早于今天。");
        var days = input.ClosesOn.DayNumber - input.OpensOn.DayNumber + 1;
        var reason = MeetingText.Optional("shortPeriodReason", input.ShortPeriodReason, "缩短征求意见期限的决定和理由", 500);
        if (days < settings.CommentMinDays && reason is null)
            throw DomainException.Invalid("shortPeriodReason", $"征求意见的时间一般不少于{ChineseNumerals.Of(settings.CommentMinDays)}日（{CommentPeriod.Source}）；本次仅 {days} 日，须记录缩短期限的决定和理由。");
        if (days > 366) throw DomainException.Invalid("closesOn", "征求意见期限过长。");
        var open = CommentPeriod.Machine.StatesFor(CommentPeriodAction.Comment).ToList();
        if (await db.Set<CommentPeriod>().AnyAsync(p => p.BillId == billId && open.Contains(p.Status), ct))
            throw DomainException.Conflict("该法规草案已有正在进行的征求意见。");
        var pointIds = (input.ContactPointIds ?? []).Distinct().ToList();
        if (pointIds.Count > 0 && await db.Set<LegislativeContactPoint>().CountAsync(p => pointIds.Contains(p.Id) && p.CongressId == actor.CongressId, ct) != pointIds.Count)
            throw DomainException.Invalid("contactPointIds", "联系点须是本级的基层立法联系点。");
        var period = new CommentPeriod
        {
            BillId = billId, VersionId = version.Id, OpensOn = input.OpensOn, ClosesOn = input.ClosesOn,
            ShortPeriodReason = days < settings.CommentMinDays ? reason : null, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            Points = pointIds.Select(id => new CommentPeriodPoint { ContactPointId = id }).ToList(),
        };
        version.Frozen = true;
        db.Add(period);
        await db.SaveChangesAsync(ct);
        return period;
    }

    public static async Task CloseAsync(RendaDbContext db, LegislationActor actor, int periodId, CancellationToken ct)
    {
        actor.RequireStaff();
        var p = await LoadAsync(db, actor, periodId, ct);
        p.Close(WorkCalendar.Today(db.Clock));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A comment from the public page. Refused with a reason, nothing written: after the period, on an article not in the
    /// draft, HTML or script, over the length cap, the same text again, or the address's hourly allowance used up.
    /// </summary>
    /// <remarks><paramref name="addressHash"/> is the sender's address as <see cref="ClientAddress"/> keeps it.</remarks>
    public static async Task<BillComment> CommentAsPublicAsync(RendaDbContext db, int periodId, CommentInput input, string addressHash, CancellationToken ct)
    {
        var p = await db.Set<CommentPeriod>().FirstOrDefaultAsync(x => x.Id == periodId, ct) ?? throw DomainException.NotFound("没有找到该征求意见。");
        var settings = await SettingsOfAsync(db, p, ct);
        var since = db.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        if (await db.Set<BillComment>().CountAsync(c => c.AddressHash == addressHash && c.CreatedAt > since, ct) >= settings.CommentsPerAddressPerHour)
            throw DomainException.Conflict($"同一网络地址每小时最多提交 {settings.CommentsPerAddressPerHour} 条意见，请稍后再提交。");
        var comment = await BuildAsync(db, settings, p, input, CommentSource.Citizen, ct);
        comment.Name = Clean("name", input.Name, "姓名", 50, optional: true);
        comment.Contact = Clean("contact", input.Contact, "联系方式", 100, optional: true);
        comment.AddressHash = addressHash;
        comment.ReceiptCode = ReceiptCodes.New();
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>A comment by a signed-in deputy of the bill's congress (recorded in the duty record), or by staff for a contact point.</summary>
    public static async Task<BillComment> CommentSignedInAsync(RendaDbContext db, LegislationActor actor, int periodId, CommentInput input, CancellationToken ct)
    {
        var p = await db.Set<CommentPeriod>().Include(x => x.Points).FirstOrDefaultAsync(x => x.Id == periodId, ct) ?? throw DomainException.NotFound("没有找到该征求意见。");
        var bill = await db.Set<Bill>().FirstAsync(b => b.Id == p.BillId, ct);
        if (bill.CongressId != actor.CongressId) throw DomainException.NotFound("没有找到该征求意见。");
        var settings = await Settings.ForAsync<LegislationSettings>(db, bill.CongressId, ct);
        if (input.ContactPointId is { } pointId)
        {
            // Contact points have no accounts of their own: the committee's staff enter the opinions they forward.
            actor.RequireStaff();
            var point = await db.Set<LegislativeContactPoint>().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == pointId && x.CongressId == actor.CongressId, ct)
                ?? throw DomainException.Invalid("contactPointId", "没有找到该基层立法联系点。");
            var c = await BuildAsync(db, settings, p, input, CommentSource.ContactPoint, ct);
            c.ContactPointId = point.Id;
            c.Name = point.Name;
            c.AccountId = actor.AccountId;
            c.Deputies = ParticipantsOf(point, input.DeputyIds).Select(d => new BillCommentDeputy { DeputyId = d }).ToList();
            db.Add(c);
            await FollowContactPointWorkAsync(db, bill, ct);
            await db.SaveChangesAsync(ct);
            return c;
        }
        if (input.DeputyIds is { Length: > 0 }) throw DomainException.Invalid("deputyIds", "参加征求意见的代表只随基层立法联系点的意见录入。");
        if (!actor.IsDeputy || actor.PersonId is not { } person) throw DomainException.Forbidden("只有人大代表可以以代表身份提出意见；公众请通过公开征求意见页面提出。");
        var deputy = await db.Deputies.Where(d => d.PersonId == person && d.CongressId == bill.CongressId && d.Status == DeputyStatus.Serving)
            .OrderByDescending(d => d.TermId).FirstOrDefaultAsync(ct) ?? throw DomainException.Forbidden("只有本级人大的在任代表可以以代表身份提出意见。");
        var comment = await BuildAsync(db, settings, p, input, CommentSource.Deputy, ct);
        comment.DeputyId = deputy.Id;
        comment.AccountId = actor.AccountId;
        comment.Name = await db.People.Where(x => x.Id == person).Select(x => x.Name).FirstAsync(ct);
        db.Add(comment);
        await DutyRecords.AddAsync(db, [deputy.Id], WorkCalendar.Today(db.Clock), DutyKinds.DraftComment, bill.Title, BillWorkflow.Subject, bill.Id, ct);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>
    /// The deputies named as having taken part, each of them assigned to the point. Decision: staff name them (the page offers
    /// the point's deputies to tick) rather than every deputy assigned to the point being credited by default, because a
    /// point's roster is larger than any one consultation's 座谈会 and the archive is the deputy's evidence of what was done:
    /// the staff member entering the forwarded opinions has the sign-in sheet. None named: the opinion is the point's alone.
    /// </summary>
    private static List<int> ParticipantsOf(LegislativeContactPoint point, int[]? deputyIds)
    {
        var ids = (deputyIds ?? []).Distinct().ToList();
        foreach (var id in ids.Where(id => point.Deputies.All(d => d.DeputyId != id)))
            throw DomainException.Invalid("deputyIds", $"代表（编号 {id}）不是“{point.Name}”的联系代表。");
        return ids;
    }

    /// <summary>Corrects who took part in the consultation behind a contact point's opinion; their duty records follow.</summary>
    public static async Task SetParticipantsAsync(RendaDbContext db, LegislationActor actor, int commentId, int[]? deputyIds, CancellationToken ct)
    {
        actor.RequireStaff();
        var c = await db.Set<BillComment>().Include(x => x.Deputies).FirstOrDefaultAsync(x => x.Id == commentId, ct) ?? throw DomainException.NotFound("没有找到该意见。");
        var bill = await db.Set<Bill>().FirstAsync(b => b.Id == c.BillId, ct);
        if (bill.CongressId != actor.CongressId) throw DomainException.NotFound("没有找到该意见。");
        if (c.ContactPointId is not { } pointId) throw DomainException.Conflict("这条意见不是基层立法联系点转来的，没有参加征求意见的代表。");
        var point = await db.Set<LegislativeContactPoint>().Include(x => x.Deputies).FirstAsync(x => x.Id == pointId, ct);
        var wanted = ParticipantsOf(point, deputyIds);
        c.Deputies.RemoveAll(d => !wanted.Contains(d.DeputyId));
        c.Deputies.AddRange(wanted.Where(d => c.Deputies.All(x => x.DeputyId != d)).Select(d => new BillCommentDeputy { DeputyId = d }));
        await FollowContactPointWorkAsync(db, bill, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Keeps the bill's 基层立法联系点征求意见 records equal to the deputies named on its contact points' opinions (tracked in
    /// this save or stored): one record per deputy and bill, dated the first opinion the deputy took part in.
    /// </summary>
    private static async Task FollowContactPointWorkAsync(RendaDbContext db, Bill bill, CancellationToken ct)
    {
        // The comments changed in this save (loaded with their deputies, or new) count as they are now; the others as stored.
        var tracked = db.ChangeTracker.Entries<BillComment>().Where(e => e.Entity.BillId == bill.Id && e.Entity.ContactPointId != null).Select(e => e.Entity).ToList();
        var trackedIds = tracked.Where(x => x.Id != 0).Select(x => x.Id).ToList();
        var stored = await (from d in db.Set<BillCommentDeputy>().AsNoTracking()
                            join c in db.Set<BillComment>() on d.BillCommentId equals c.Id
                            where c.BillId == bill.Id && !trackedIds.Contains(c.Id)
                            select new { d.DeputyId, c.CreatedAt }).ToListAsync(ct);
        var first = stored.Select(x => (x.DeputyId, x.CreatedAt)).Concat(tracked.SelectMany(x => x.Deputies.Select(d => (d.DeputyId, x.CreatedAt))))
            .GroupBy(x => x.DeputyId).ToDictionary(g => g.Key, g => g.Min(x => x.CreatedAt));
        db.RemoveRange(await db.Set<DutyRecord>().Where(r => r.SourceType == BillWorkflow.Subject && r.SourceId == bill.Id && r.Kind == DutyKinds.ContactPointConsultation
            && !first.Keys.Contains(r.DeputyId)).ToListAsync(ct));
        foreach (var (deputyId, at) in first)
            await DutyRecords.AddAsync(db, [deputyId], DateOnly.FromDateTime(at.AddHours(8)), DutyKinds.ContactPointConsultation, bill.Title, BillWorkflow.Subject, bill.Id, ct);
    }

    /// <summary>The comment form's limits are those of the congress whose bill it is.</summary>
    public static async Task<LegislationSettings> SettingsOfAsync(RendaDbContext db, CommentPeriod p, CancellationToken ct)
        => await Settings.ForAsync<LegislationSettings>(db, await db.Set<Bill>().Where(b => b.Id == p.BillId).Select(b => b.CongressId).FirstAsync(ct), ct);

    private static async Task<BillComment> BuildAsync(RendaDbContext db, LegislationSettings settings, CommentPeriod p, CommentInput input, CommentSource source, CancellationToken ct)
    {
        p.RequireAccepting(WorkCalendar.Today(db.Clock));
        var text = Clean("text", input.Text, "意见内容", settings.CommentMaxLength, optional: false)!;
        string? label = null;
        if (input.NodeId is { Length: > 0 } nodeId)
        {
            var document = await db.Set<BillVersion>().Where(v => v.Id == p.VersionId).Select(v => v.Document).FirstAsync(ct);
            var article = BillText.FromJson(document).Articles().FirstOrDefault(a => a.Id == nodeId)
                ?? throw DomainException.Invalid("nodeId", "征求意见稿中没有这一条。");
            label = article.Label;
        }
        var textHash = Hash(ChineseTextKey(text));
        if (await db.Set<BillComment>().AnyAsync(c => c.CommentPeriodId == p.Id && c.TextHash == textHash, ct))
            throw DomainException.Conflict("已收到内容相同的意见，请勿重复提交。");
        return new BillComment
        {
            CommentPeriodId = p.Id, BillId = p.BillId, NodeId = input.NodeId is { Length: > 0 } ? input.NodeId : null, ArticleLabel = label, Source = source,
            Text = text, TextHash = textHash, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>Refuses markup rather than stripping it: a comment that carries tags or script is not a citizen's opinion.</summary>
    private static string? Clean(string field, string? value, string label, int max, bool optional)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
            return optional ? null : throw DomainException.Invalid(field, $"请填写{label}。");
        if (Markup().IsMatch(v)) throw DomainException.Invalid(field, $"{label}不能包含网页标记或脚本（如 <…>、javascript:）。");
        if (v.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))) throw DomainException.Invalid(field, $"{label}含有不可见的控制字符。");
        if (v.Length > max) throw DomainException.Invalid(field, $"{label}不能超过 {max} 字（现有 {v.Length} 字）。");
        return v;
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>|javascript\s*:|on[a-z]+\s*=|&#|<\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    /// <summary>Identical text ignoring spacing and punctuation width, so a resubmission with an extra space is still the same.</summary>
    private static string ChineseTextKey(string text) => new(text.Normalize(NormalizationForm.FormKC).Where(ch => !char.IsWhiteSpace(ch)).ToArray());

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    /// <summary>The receipt by mail too, when the citizen left an e-mail address as the contact.</summary>
    public static Task MailReceiptAsync(HttpContext http, BillComment c, string? contact, string href)
        => ReceiptCodes.MailAsync(http, contact, $"意见回执：{c.ReceiptCode}",
            $"您对法规草案{(c.ArticleLabel is null ? "" : $"{c.ArticleLabel}")}提出的意见已收到。\n\n回执码：{c.ReceiptCode}\n\n凭回执码可查询意见的处理情况（已收到、已整理、采纳、部分采纳或未采纳及理由）：\n{(http.Request.Scheme + "://" + http.Request.Host + href)}");

    // ---- the opinion summary ----

    public static async Task HandleAsync(RendaDbContext db, LegislationActor actor, int commentId, HandlingInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var c = await db.Set<BillComment>().FirstOrDefaultAsync(x => x.Id == commentId, ct) ?? throw DomainException.NotFound("没有找到该意见。");
        var p = await LoadAsync(db, actor, c.CommentPeriodId, ct);
        Apply(db, p, c, input);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One handling for several similar comments (合并研究处理). Every comment is checked before anything is saved: one refused
    /// step (a comment of another period, one already decided when sorting) refuses the whole group.
    /// </summary>
    public static async Task<int> HandleGroupAsync(RendaDbContext db, LegislationActor actor, int periodId, GroupHandlingInput input, CancellationToken ct)
    {
        actor.RequireStaff();
        var p = await LoadAsync(db, actor, periodId, ct);
        var ids = (input.CommentIds ?? []).Distinct().ToList();
        if (ids.Count == 0) throw DomainException.Invalid("commentIds", "请勾选要一并处理的意见。");
        if (ids.Count > 500) throw DomainException.Invalid("commentIds", "一次最多一并处理 500 条意见。");
        var comments = await db.Set<BillComment>().Where(c => c.CommentPeriodId == p.Id && ids.Contains(c.Id)).ToListAsync(ct);
        if (comments.Count != ids.Count) throw DomainException.Invalid("commentIds", "所选意见须都属于本次征求意见。");
        foreach (var c in comments) Apply(db, p, c, new HandlingInput(input.Handling, input.Reason));
        await db.SaveChangesAsync(ct);
        return comments.Count;
    }

    private static void Apply(RendaDbContext db, CommentPeriod p, BillComment c, HandlingInput input)
    {
        p.RequireHandling();
        if (!Enum.IsDefined(input.Handling) || input.Handling == CommentHandling.Pending)
            throw DomainException.Invalid("handling", "请选择已整理、采纳、部分采纳或未采纳。");
        var reason = MeetingText.Optional("reason", input.Reason, "理由", 1000);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (input.Handling == CommentHandling.Sorted) c.Sort(now);
        else c.Decide(input.Handling, reason, now);
    }

    /// <summary>Publishes how the comments were handled, once the period is over and every comment has its verdict.</summary>
    public static async Task PublishSummaryAsync(RendaDbContext db, LegislationActor actor, int periodId, string? text, CancellationToken ct)
    {
        actor.RequireStaff();
        var p = await LoadAsync(db, actor, periodId, ct);
        var undecided = BillComment.Undecided;
        var pending = await db.Set<BillComment>().CountAsync(c => c.CommentPeriodId == p.Id && undecided.Contains(c.Handling), ct);
        p.PublishSummary(MeetingText.Required("text", text, "采纳情况的说明", 20_000), WorkCalendar.Today(db.Clock), db.Clock.GetUtcNow().UtcDateTime, pending);
        await db.SaveChangesAsync(ct);
    }
}
