using Renda.Web.Platform.Web.Pages;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Suggestions;

/// <summary>The module's entry points (docs/MODULES.md): its services, its API under /api/v1, its demo data. Its pages are found by folder.</summary>
public static class SuggestionsModule
{
    public static IServiceCollection AddSuggestions(this IServiceCollection services, IConfiguration config)
    {
        // The Chinese names of the records this module's clocks run for, and their pages (the deadline list's sub-label).
        Platform.Deadlines.Deadlines.Describe(SuggestionWorkflow.Subject, "代表建议", id => $"/suggestions/{id}");
        services.AddSingleton<IWorkbenchItems, SuggestionsWorkbench>();
        services.AddScoped<SuggestionsApi.Ctx>();
        // The answer date copied on each suggestion follows its clocks when a new holiday calendar moves them.
        Deadlines.Follow(SuggestionWorkflow.Subject, SuggestionWorkflow.FollowMovedClocksAsync);
        services.AddOptions<SuggestionListOptions>().BindConfiguration("Renda:Suggestions")
            .Validate(o => o.ExactCountLimit >= 1, "Renda:Suggestions:ExactCountLimit must be at least 1.")
            .Validate(o => o.ListCacheSeconds >= 0, "Renda:Suggestions:ListCacheSeconds must not be negative.").ValidateOnStart();
        services.AddSingleton<SuggestionListCache>();
        services.AddSingleton(sp => sp.GetRequiredService<SuggestionListCache>().Watcher);
        services.AddSingleton<SuggestionMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<SuggestionMonitor>());
        return services;
    }

    public static RouteGroupBuilder MapSuggestions(this RouteGroupBuilder api)
    {
        SuggestionsApi.Map(api);
        PublicSuggestionsApi.Map(api);
        StatisticsApi.Map(api);
        LedgersApi.Map(api);
        return api;
    }

    /// <summary>Loads the module's part of the demo story (DOMAIN.md's Haixi cast), once.</summary>
    public static async Task SeedSuggestionsAsync(this DemoSeed seed, CancellationToken ct)
    {
        await SuggestionDemo.EnsureAsync(seed.Db, seed.Calendar, ct);
    }
}
