namespace Renda.Web.Platform.Notifications;

// STUB — to be implemented (inbox, unread count, e-mail interface + SMTP).
public static class Notifier
{
    public static IServiceCollection AddRendaNotifications(this IServiceCollection services, IConfiguration config) => services;
}

public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder api) { }
}
