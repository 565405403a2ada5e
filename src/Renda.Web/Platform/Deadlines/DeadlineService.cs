namespace Renda.Web.Platform.Deadlines;

// STUB — to be implemented (create/extend/recompute deadlines, monitor service, API, pages).
public static class DeadlineService
{
    public static IServiceCollection AddRendaDeadlines(this IServiceCollection services) => services;
}

public static class DeadlinesApi
{
    public static void Map(RouteGroupBuilder api) { }
}
