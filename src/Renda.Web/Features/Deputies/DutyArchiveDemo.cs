using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Deputies;

/// <summary>The demo story of deputies' work: the duty archive filled from the other modules' demo records, points, a duty report.</summary>
public static class DutyArchiveDemo
{
    public static Task EnsureAsync(DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}
