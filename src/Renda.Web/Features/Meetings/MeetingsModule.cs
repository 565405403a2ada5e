using Renda.Web.Platform.Demo;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Meetings;

/// <summary>The module's entry points (docs/MODULES.md): its services, its API under /api/v1, its demo data. Its pages are found by folder.</summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration config)
    {
        // The Chinese names of the records this module's clocks run for, and their pages (the deadline list's sub-label).
        Platform.Deadlines.Deadlines.Describe(AppointmentWorkflow.Subject, "任免事项", id => $"/appointments/{id}");
        Platform.Deadlines.Deadlines.Describe(ResolutionWorkflow.TaskSubject, "决议决定落实事项", _ => "/resolutions");
        services.AddSingleton<IAgendaSubject, ResolutionSubject>();
        services.AddSingleton<IWorkbenchItems, MeetingsWorkbench>();
        return services;
    }

    public static RouteGroupBuilder MapMeetings(this RouteGroupBuilder api)
    {
        MeetingsApi.Map(api);
        return api;
    }

    /// <summary>Loads the module's part of the demo story (DOMAIN.md's Haixi cast), once.</summary>
    public static async Task SeedMeetingsAsync(this DemoSeed seed, CancellationToken ct)
    {
        await MeetingDemo.EnsureAsync(seed.Db, seed.Calendar, ct);
    }
}
