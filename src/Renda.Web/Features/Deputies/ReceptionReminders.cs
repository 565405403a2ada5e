using Renda.Web.Platform.Notifications;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.Deputies;

public sealed record DeputyReceptionCount(int DeputyId, string Name, int Receptions);

/// <summary>
/// The yearly minimum (ReceptionsPerDeputyPerYear, default 2): from the first day of ReceptionReminderMonth (default October,
/// a quarter of the year left to catch up) the staff see on their home page how many serving deputies of their congress are
/// below it, and each such deputy with an account is notified once a year (the notification row itself records that it went out).
/// A reception counts when it was held (接待结束) with the deputy present, at any station.
/// </summary>
public static class ReceptionReminders
{
    public static string Title(int year) => $"{year}年接待群众次数提醒";

    public static bool Due(DeputySettings s, DateOnly today) => s.ReceptionsPerDeputyPerYear > 0 && today >= new DateOnly(today.Year, s.ReceptionReminderMonth, 1);

    public static async Task<List<DeputyReceptionCount>> BelowMinimumAsync(RendaDbContext db, int congressId, int year, int minimum, CancellationToken ct)
        => (await db.Deputies.AsNoTracking().Where(d => d.CongressId == congressId && d.Status == DeputyStatus.Serving)
            .Select(d => new
            {
                d.Id, d.Person!.Name,
                Count = db.Set<ReceptionAttendee>().Count(a => a.DeputyId == d.Id
                    && db.Set<ReceptionDay>().Any(r => r.Id == a.ReceptionDayId && r.Status == ReceptionStatus.Held && r.On.Year == year)),
            })
            .Where(d => d.Count < minimum).OrderBy(d => d.Count).ThenBy(d => d.Id).ToListAsync(ct))
            .Select(d => new DeputyReceptionCount(d.Id, d.Name, d.Count)).ToList();

    /// <summary>Notifies each deputy below the minimum once a year; returns how many were notified.</summary>
    public static async Task<int> NotifyAsync(RendaDbContext db, DateOnly today, CancellationToken ct)
    {
        var sent = 0;
        var title = Title(today.Year);
        foreach (var congressId in await db.Congresses.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct))
        {
            var settings = await Settings.ForAsync<DeputySettings>(db, congressId, ct);
            if (!Due(settings, today)) continue;
            var below = (await BelowMinimumAsync(db, congressId, today.Year, settings.ReceptionsPerDeputyPerYear, ct)).ToDictionary(d => d.DeputyId);
            var ids = below.Keys.ToList();
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.PersonId != null && a.Roles.Any(r => r.Role == Role.Deputy)
                    && db.Deputies.Any(d => ids.Contains(d.Id) && d.PersonId == a.PersonId && d.CongressId == congressId)
                    && !db.Notifications.Any(n => n.AccountId == a.Id && n.Title == title))
                .Select(a => new { a.Id, DeputyId = db.Deputies.Where(d => ids.Contains(d.Id) && d.PersonId == a.PersonId && d.CongressId == congressId).Select(d => d.Id).First() })
                .ToListAsync(ct);
            foreach (var a in accounts)
                Notifier.Notify(db, a.Id, title, $"本年您已接待群众 {below[a.DeputyId].Receptions} 次，每名代表每年应至少接待 {settings.ReceptionsPerDeputyPerYear} 次，请与联络站商定接待安排。", "/deputies/my-receptions");
            sent += accounts.Count;
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}

/// <summary>Sends the yearly reminders with the deadline check (Renda:Deadlines:CheckMinutes).</summary>
public sealed class ReceptionReminder(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ReceptionReminder> logger) : PeriodicCheck(clock, config, logger)
{
    protected override async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await ReceptionReminders.NotifyAsync(scope.ServiceProvider.GetRequiredService<RendaDbContext>(), WorkCalendar.LocalDate(now), ct);
    }
}
