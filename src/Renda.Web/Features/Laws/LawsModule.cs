namespace Renda.Web.Features.Laws;

/// <summary>
/// The module's entry points (docs/MODULES.md): its services and its API under /api/v1. It has no SeedX: the demo's laws
/// collection is loaded by a background service after start (LawDemo, registered here), not in the start-up path.
/// </summary>
public static class LawsModule
{
    public static IServiceCollection AddLaws(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<LawSearchOptions>().BindConfiguration("Renda:Laws")
            .Validate(o => o.SearchCap >= 1, "Renda:Laws:SearchCap must be at least 1.").ValidateOnStart();
        services.AddHostedService<LawDemo>();
        return services;
    }

    public static RouteGroupBuilder MapLaws(this RouteGroupBuilder api)
    {
        LawsApi.Map(api);
        return api;
    }
}
