using System.Net;
using System.Net.Mail;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Renda.Web.Platform.Notifications;

/// <summary>Sends one plain-text e-mail. Implementations may throw; the dispatcher logs and carries on.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct = default);

    /// <summary>A mail with headers of its own (List-Unsubscribe, RFC 8058); a sender that cannot set headers drops them.</summary>
    Task SendAsync(string to, string subject, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct = default)
        => SendAsync(to, subject, body, ct);
}

/// <summary>The default when no SMTP server is configured: in-app notifications only.</summary>
public sealed class NoEmailSender : IEmailSender
{
    public Task SendAsync(string to, string subject, string body, CancellationToken ct = default) => Task.CompletedTask;
}

/// <summary>Renda:Smtp:* — Host (enables e-mail), Port, From, UserName, Password, EnableSsl.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    /// <summary>The platform's public address (e.g. https://renda.example.gov.cn), to turn inbox links into full links in mail.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>System.Net.Mail is enough for the plain notices sent here and needs no package.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
        => SendAsync(to, subject, body, new Dictionary<string, string>(), ct);

    public async Task SendAsync(string to, string subject, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (o.UserName is { Length: > 0 })
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = new MailMessage(o.From is { Length: > 0 } from ? from : $"renda@{o.Host}", to, subject, body)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        foreach (var (name, value) in headers)
            message.Headers.Add(name, value);
        await client.SendMailAsync(message, ct);
    }
}

public sealed record EmailJob(int AccountId, string Subject, string Body, string? Link);

/// <summary>
/// Hands saved notifications to the dispatcher. Watching the DbContext's SavedChanges event means
/// modules keep their usual "Notify, then save" and mail follows only what was actually saved.
/// </summary>
public sealed class EmailOutbox(IEmailSender sender)
{
    private readonly Channel<EmailJob> _jobs = Channel.CreateUnbounded<EmailJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConditionalWeakTable<RendaDbContext, List<Notification>> _pending = [];

    /// <summary>False without an e-mail sender: then nothing is queued at all.</summary>
    public bool Enabled { get; } = sender is not NoEmailSender;

    public ChannelReader<EmailJob> Jobs => _jobs.Reader;

    public void MailAfterSave(RendaDbContext db, IEnumerable<Notification> notifications)
    {
        if (!Enabled)
            return;
        lock (_pending)
        {
            if (!_pending.TryGetValue(db, out var list))
            {
                list = [];
                _pending.Add(db, list);
                db.SavedChanges += (_, _) => Release(db);
            }
            list.AddRange(notifications);
        }
    }

    private void Release(RendaDbContext db)
    {
        List<Notification> saved;
        lock (_pending)
        {
            if (!_pending.TryGetValue(db, out var list))
                return;
            // A notification still unsaved (added after this save began) waits for the next save.
            saved = list.Where(n => n.Id != 0).ToList();
            list.RemoveAll(n => n.Id != 0);
        }
        foreach (var n in saved)
            _jobs.Writer.TryWrite(new EmailJob(n.AccountId, n.Title, n.Body ?? "", n.Link));
    }
}

/// <summary>Sends queued notification mail to accounts that have an address; failures are logged, never thrown.</summary>
public sealed class EmailDispatcher(EmailOutbox outbox, IEmailSender sender, IServiceScopeFactory scopes, IOptions<SmtpOptions> options, ILogger<EmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!outbox.Enabled)
            return;
        try
        {
            await foreach (var job in outbox.Jobs.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(job, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Notification e-mail to account {AccountId} failed: {Subject}", job.AccountId, job.Subject);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(EmailJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var email = await db.Accounts.AsNoTracking().Where(a => a.Id == job.AccountId && a.Enabled).Select(a => a.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email))
            return;
        var link = job.Link is null ? null : (options.Value.BaseUrl?.TrimEnd('/') ?? "") + job.Link;
        var body = job.Body + (link is null ? "" : $"\n\n请登录人大履职综合平台查看：{link}") + "\n\n（本邮件由系统自动发送，请勿回复。）";
        await sender.SendAsync(email, "【人大履职综合平台】" + job.Subject, body, ct);
    }
}
