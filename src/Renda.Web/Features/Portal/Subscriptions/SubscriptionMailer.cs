using System.Text;
using Microsoft.Extensions.Options;
using Renda.Web.Platform.Notifications;

namespace Renda.Web.Features.Portal;

/// <summary>
/// Mails confirmed subscribers what was published in their section since they confirmed, once: each item mailed to a
/// subscription is recorded (<see cref="SubscriptionDelivery"/>, unique), and recorded only after its mail went out, so a
/// failed send is tried again at the next run and a sent one never. One mail per subscription and run lists the new items.
/// Requests not confirmed within <see cref="Subscription.ConfirmDays"/> days are deleted: never mailed, address not kept.
/// Every mail carries the one-click unsubscribe link and the List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058).
/// Runs every Renda:Portal:SubscriptionMinutes (15; 0 = off); nothing at all without SMTP.
/// </summary>
public sealed class SubscriptionMailer(IServiceScopeFactory scopes, EmailOutbox outbox, IEmailSender sender, IOptions<SmtpOptions> smtp,
    TimeProvider clock, IConfiguration config, ILogger<SubscriptionMailer> logger) : PeriodicCheck(clock, config, logger)
{
    protected override string IntervalKey => "Renda:Portal:SubscriptionMinutes";

    protected override async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!outbox.Enabled) return;
        await using var scope = scopes.CreateAsyncScope();
        await RunOnceAsync(scope.ServiceProvider.GetRequiredService<RendaDbContext>(), sender, smtp.Value.BaseUrl?.TrimEnd('/') ?? "", logger, ct);
    }

    /// <summary>One run (the timer's, or a test's): returns the number of mails sent.</summary>
    public static async Task<int> RunOnceAsync(RendaDbContext db, IEmailSender sender, string origin, ILogger logger, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var expired = now.AddDays(-Subscription.ConfirmDays);
        await db.Set<Subscription>().Where(s => s.Status == SubscriptionStatus.Requested && s.CreatedAt < expired).ExecuteDeleteAsync(ct);

        var subscriptions = await db.Set<Subscription>().Where(s => s.Status == SubscriptionStatus.Confirmed).OrderBy(s => s.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var byCongress in subscriptions.GroupBy(s => s.CongressId))
        {
            var congress = await db.Congresses.AsNoTracking().FirstAsync(c => c.Id == byCongress.Key, ct);
            var items = new Dictionary<string, List<(FeedSection Section, FeedItem Item)>>();
            async Task<List<(FeedSection Section, FeedItem Item)>> ItemsOf(string key)
            {
                if (items.TryGetValue(key, out var list)) return list;
                list = [];
                foreach (var section in PortalFeeds.Sections.Where(s => key == SubscriptionWorkflow.AllSections || s.Key == key))
                    list.AddRange((await PortalFeeds.ItemsAsync(db, congress, section, ct)).Select(i => (section, i)));
                return items[key] = list;
            }
            foreach (var s in byCongress)
            {
                // Items first published on or after the day of confirmation (Beijing), so a new subscriber is not sent the archive.
                var from = DateOnly.FromDateTime(s.ConfirmedAt!.Value.AddHours(8));
                var candidates = (await ItemsOf(s.Section))
                    .Where(x => DateOnly.FromDateTime(x.Item.Published.ToOffset(TimeSpan.FromHours(8)).DateTime) >= from)
                    .Where(x => s.Keyword is null || x.Item.Title.Contains(s.Keyword, StringComparison.OrdinalIgnoreCase) || x.Item.Summary.Contains(s.Keyword, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (candidates.Count == 0) continue;
                var keys = candidates.Select(x => x.Item.Key).ToList();
                var done = await db.Set<SubscriptionDelivery>().Where(d => d.SubscriptionId == s.Id && keys.Contains(d.ItemKey)).Select(d => d.ItemKey).ToListAsync(ct);
                var fresh = candidates.Where(x => !done.Contains(x.Item.Key)).OrderBy(x => x.Item.Published).ToList();
                if (fresh.Count == 0) continue;
                try
                {
                    await SendAsync(sender, origin, congress, s, fresh, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Subscription mail to subscription {Id} failed; tried again at the next run", s.Id);
                    continue;
                }
                db.AddRange(fresh.Select(x => new SubscriptionDelivery { SubscriptionId = s.Id, ItemKey = x.Item.Key, SentAt = now }));
                await db.SaveChangesAsync(ct);
                sent++;
            }
        }
        return sent;
    }

    public static string UnsubscribeHref(string code, Subscription s) => $"/p/{code}/unsubscribe?token={Uri.EscapeDataString(s.UnsubscribeToken)}";

    private static Task SendAsync(IEmailSender sender, string origin, Platform.Organisations.Congress congress, Subscription s, List<(FeedSection Section, FeedItem Item)> fresh, CancellationToken ct)
    {
        var unsubscribe = origin + UnsubscribeHref(congress.Code, s);
        var body = new StringBuilder();
        body.Append($"{congress.StandingCommitteeName}门户网站{SubscriptionWorkflow.SectionLabel(s.Section)}")
            .Append(s.Keyword is null ? "" : $"（关键词“{s.Keyword}”）").Append($"有 {fresh.Count} 条新内容：\n\n");
        foreach (var (section, item) in fresh)
            body.Append($"【{section.Label}】{item.Title}\n{item.Summary}\n{origin}{item.Href}\n\n");
        body.Append($"退订（无需登录，点击即退订）：{unsubscribe}\n\n（本邮件由系统自动发送，请勿回复。）");
        var subject = $"【{congress.StandingCommitteeName}】{fresh[0].Item.Title}" + (fresh.Count > 1 ? $" 等 {fresh.Count} 条" : "");
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return sender.SendAsync(s.Email, subject, body.ToString(), headers, ct);
    }
}
