namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>Endpoints of budget online supervision: warnings and their rules.</summary>
public static class BudgetWarningsApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
