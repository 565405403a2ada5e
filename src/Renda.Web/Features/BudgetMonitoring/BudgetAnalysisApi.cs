namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>Endpoints of budget online supervision: query and analysis, the deputies' service, the levels above.</summary>
public static class BudgetAnalysisApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
