namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>Endpoints of budget online supervision: the finance bureau's data in: upload, push, batches.</summary>
public static class BudgetImportApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
