using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Renda.Web.Platform.Notifications;

/// <summary>
/// Writes messages into users' inboxes. Modules and the deadline monitor call Notify and then
/// save as part of their own change; when e-mail is configured, the saved messages are also
/// mailed to recipients who have an address — after the save, in the background, so a mail
/// server that is down never fails or slows the change.
/// </summary>
public static class Notifier
{
    public static IServiceCollection AddRendaNotifications(this IServiceCollection services, IConfiguration config)
    {
        if (config["Renda:Smtp:Host"] is { Length: > 0 })
        {
            services.Configure<SmtpOptions>(config.GetSection("Renda:Smtp"));
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, NoEmailSender>();
        }
        services.AddSingleton<EmailOutbox>();
        services.AddHostedService<EmailDispatcher>();
        return services;
    }

    /// <summary>Adds one message to an account's inbox. The caller saves.</summary>
    public static Notification Notify(RendaDbContext db, int accountId, string title, string? body = null, string? link = null)
        => Notify(db, [accountId], title, body, link)[0];

    /// <summary>Adds the same message to several inboxes (each account once). The caller saves.</summary>
    public static IReadOnlyList<Notification> Notify(RendaDbContext db, IEnumerable<int> accountIds, string title, string? body = null, string? link = null)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw DomainException.Invalid("title", "消息必须有标题。");
        if (link is { Length: > 0 } && !link.StartsWith('/'))
            throw DomainException.Invalid("link", "消息链接必须是本平台内的地址（以 / 开头）。");
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var created = accountIds.Distinct().Select(id => new Notification
        {
            AccountId = id,
            // Generated titles embed record titles; cut rather than fail the transition that notifies.
            Title = Cut(title, 200)!,
            Body = Cut(body, 2000),
            Link = Cut(link, 300),
            CreatedAt = now,
        }).ToList();
        db.Notifications.AddRange(created);
        OutboxOf(db)?.MailAfterSave(db, created);
        return created;
    }

    /// <summary>The account's unread count, for the header badge and the home page.</summary>
    public static Task<int> UnreadCountAsync(RendaDbContext db, int accountId, CancellationToken ct = default)
        => db.Notifications.CountAsync(n => n.AccountId == accountId && n.ReadAt == null, ct);

    /// <summary>Marks one of the account's own messages read; another account's message is "not found" (its existence is not revealed).</summary>
    public static async Task MarkReadAsync(RendaDbContext db, int accountId, int notificationId, CancellationToken ct = default)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.AccountId == accountId, ct)
            ?? throw DomainException.NotFound("消息不存在。");
        notification.ReadAt ??= db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Through the change tracker rather than a bulk update, so the save pipeline audits it like every change.</summary>
    public static async Task<int> MarkAllReadAsync(RendaDbContext db, int accountId, CancellationToken ct = default)
    {
        var unread = await db.Notifications.Where(n => n.AccountId == accountId && n.ReadAt == null).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var n in unread)
            n.ReadAt = now;
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>
    /// The outbox of the application that created this DbContext. Notify is static (modules call
    /// it with just the DbContext), so it reaches the singleton through the context's application
    /// service provider; a context built by hand has none, and then no mail is sent.
    /// </summary>
    private static EmailOutbox? OutboxOf(RendaDbContext db)
        => db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<EmailOutbox>();
}
