using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Deputies;

/// <summary>The demo story of deputies' work: trainings (3, 150 person-times), six forums, contact records, the four-level joint inspection.</summary>
public static class DeputyActivitiesDemo
{
    public static Task EnsureAsync(DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}
