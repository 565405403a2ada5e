using Microsoft.AspNetCore.Http.HttpResults;

namespace Renda.Web.Platform.Notifications;

/// <summary>How many messages were marked read.</summary>
public sealed record MarkedRead(int Marked);

public sealed record NotificationView(int Id, string Title, string? Body, string? Link, DateTime CreatedAt, DateTime? ReadAt, bool Unread);

/// <summary>The signed-in user's own inbox; nobody reads another's messages, administrators included.</summary>
public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder root)
    {
        var api = root.MapGroup("").WithTags("消息");
        var inbox = api.MapGroup("/notifications").RequireAuthorization();
        inbox.MapGet("/", List).WithName("Notifications_List").WithSummary("本人的消息，最新在前");
        inbox.MapPost("/{id:int}/read", async (int id, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) =>
        {
            await Notifier.MarkReadAsync(db, u.User.AccountId!.Value, id, ct);
            return TypedResults.NoContent();
        }).WithName("Notifications_MarkRead").WithSummary("标为已读（只能是本人的消息）");
        inbox.MapPost("/read-all", async (RendaDbContext db, CurrentUserAccessor u, CancellationToken ct) =>
            TypedResults.Ok(new MarkedRead(await Notifier.MarkAllReadAsync(db, u.User.AccountId!.Value, ct)))).WithName("Notifications_MarkAllRead").WithSummary("全部标为已读");
    }

    private static async Task<Ok<Page<NotificationView>>> List(bool? unread, int? page, int? pageSize, RendaDbContext db, CurrentUserAccessor u, CancellationToken ct)
        => TypedResults.Ok(await PageAsync(db, u.User.AccountId!.Value, unread == true, page, pageSize, ct));

    public static Task<Page<NotificationView>> PageAsync(RendaDbContext db, int accountId, bool unreadOnly, int? page, int? pageSize, CancellationToken ct = default)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId);
        if (unreadOnly)
            query = query.Where(n => n.ReadAt == null);
        return query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt, n.ReadAt == null))
            .ToPageAsync(page, pageSize, ct);
    }
}
