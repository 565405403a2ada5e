using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.Deputies;

/// <summary>The demo story of deputies' work: liaison stations, funding (¥3.59 M), reception days and opinions.</summary>
public static class DeputiesDemo
{
    public static Task EnsureAsync(DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}
