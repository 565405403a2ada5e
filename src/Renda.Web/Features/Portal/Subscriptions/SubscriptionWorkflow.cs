using System.Net.Mail;
using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Portal;

/// <summary>Section: a feed's key (<see cref="PortalFeeds.Sections"/>) or "all" with a keyword.</summary>
public sealed record SubscribeInput(string? Email, string? Section, string? Keyword);
public sealed record SubscribeAccepted(string Message);
/// <summary>Confirmed subscriptions of a section: what staff see of the subscribers — a number, never an address.</summary>
public sealed record SubscriptionCount(string Section, string Label, int Confirmed);

/// <summary>
/// E-mail subscriptions to a public site's sections (double opt-in, one-click unsubscribe, RFC 8058). Without SMTP configured
/// there is nothing to subscribe to (409, and the page points to the feeds); the feeds work either way.
/// </summary>
public static class SubscriptionWorkflow
{
    public const string AllSections = "all";
    /// <summary>The same answer whatever the address's state, so the form tells nobody whether an address is subscribed.</summary>
    public const string Accepted = "确认邮件已发送，请在 7 日内点击邮件中的链接完成订阅；未确认的订阅不会收到任何邮件。";

    public static string SectionLabel(string section) => section == AllSections ? "全部栏目" : PortalFeeds.Find(section)?.Label ?? section;

    public static async Task<SubscribeAccepted> RequestAsync(RendaDbContext db, EmailOutbox outbox, IEmailSender sender, ILogger logger, string origin,
        Congress congress, SubscribeInput input, CancellationToken ct)
    {
        if (!outbox.Enabled) throw DomainException.Conflict("本站未开通邮件订阅，请使用各栏目的订阅源。");
        var email = Email(input.Email);
        var section = input.Section?.Trim() ?? "";
        if (section != AllSections && PortalFeeds.Find(section) is null) throw DomainException.Invalid("section", "请选择要订阅的栏目。");
        var keyword = string.IsNullOrWhiteSpace(input.Keyword) ? null : input.Keyword.Trim();
        if (keyword is not null && (keyword.Length > Subscription.MaxKeyword || keyword.Any(ch => ch is '<' or '>' || char.IsControl(ch))))
            throw DomainException.Invalid("keyword", $"关键词不超过 {Subscription.MaxKeyword} 字，且不能包含网页标记。");
        if (section == AllSections && keyword is null) throw DomainException.Invalid("keyword", "订阅全部栏目时请填写关键词。");
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-Subscription.ConfirmDays);
        var same = await db.Set<Subscription>().Where(s => s.Email == email && s.CongressId == congress.Id && s.Section == section && s.Keyword == keyword
            && (s.Status == SubscriptionStatus.Confirmed || (s.Status == SubscriptionStatus.Requested && s.CreatedAt > since))).ToListAsync(ct);
        // Already subscribed, or asked three times this week: no more mail to the address (a form must not be a way to flood a stranger's inbox).
        if (same.Any(s => s.Status == SubscriptionStatus.Confirmed) || same.Count >= 3) return new SubscribeAccepted(Accepted);
        var (subscription, token) = Subscription.Request(congress.Id, section, keyword, email, now);
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        var link = $"{origin}/p/{congress.Code}/subscribe/confirm?token={Uri.EscapeDataString(token)}";
        var what = SectionLabel(section) + (keyword is null ? "" : $"（关键词“{keyword}”）");
        try
        {
            await sender.SendAsync(email, $"【{congress.StandingCommitteeName}】请确认订阅：{what}",
                $"您（或他人填写了您的邮箱）申请订阅{congress.StandingCommitteeName}门户网站的{what}更新。\n\n请在 {Subscription.ConfirmDays} 日内打开以下链接确认：\n{link}\n\n如非本人申请，请忽略本邮件，不会再收到任何邮件。\n\n（本邮件由系统自动发送，请勿回复。）", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request stays and expires unconfirmed; the citizen can ask again.
            logger.LogWarning(e, "Subscription confirmation mail failed for subscription {Id}", subscription.Id);
        }
        return new SubscribeAccepted(Accepted);
    }

    public static async Task<Subscription> ConfirmAsync(RendaDbContext db, string? token, CancellationToken ct)
    {
        var s = await ByConfirmTokenAsync(db, token, ct) ?? throw DomainException.NotFound("确认链接无效，或已经使用过。");
        s.Confirm(db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>One click, no sign-in; a second click finds it ended and says so again (nothing to refuse).</summary>
    public static async Task<Subscription> UnsubscribeAsync(RendaDbContext db, string? token, CancellationToken ct)
    {
        var t = token?.Trim() ?? "";
        var s = t.Length is > 0 and <= 64 ? await db.Set<Subscription>().FirstOrDefaultAsync(x => x.UnsubscribeToken == t, ct) : null;
        if (s is null) throw DomainException.NotFound("退订链接无效。");
        if (s.Can(SubscriptionAction.Unsubscribe))
        {
            s.Unsubscribe(db.Clock.GetUtcNow().UtcDateTime);
            // The address is not needed any more: it is erased, the row stays so that the link keeps answering.
            s.Email = "";
            await db.SaveChangesAsync(ct);
        }
        return s;
    }

    public static async Task<List<SubscriptionCount>> CountsAsync(RendaDbContext db, int congressId, CancellationToken ct)
    {
        var counts = await db.Set<Subscription>().AsNoTracking().Where(s => s.CongressId == congressId && s.Status == SubscriptionStatus.Confirmed)
            .GroupBy(s => s.Section).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return PortalFeeds.Sections.Select(s => s.Key).Append(AllSections)
            .Select(k => new SubscriptionCount(k, SectionLabel(k), counts.FirstOrDefault(c => c.Key == k)?.Count ?? 0)).ToList();
    }

    private static async Task<Subscription?> ByConfirmTokenAsync(RendaDbContext db, string? token, CancellationToken ct)
    {
        var t = token?.Trim() ?? "";
        if (t.Length is 0 or > 64) return null;
        var hash = Subscription.Hash(t);
        return await db.Set<Subscription>().FirstOrDefaultAsync(x => x.ConfirmTokenHash == hash, ct);
    }

    private static string Email(string? value)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) throw DomainException.Invalid("email", "请填写电子邮箱。");
        if (v.Length > 254 || v.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '<' or '>' or '"' or ',' or ';')
            || !MailAddress.TryCreate(v, out var a) || a.Address != v || !a.Host.Contains('.'))
            throw DomainException.Invalid("email", "电子邮箱格式不正确。");
        return v.ToLowerInvariant();
    }
}
