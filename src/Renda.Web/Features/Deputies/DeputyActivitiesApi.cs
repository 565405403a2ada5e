namespace Renda.Web.Features.Deputies;

/// <summary>Endpoints of deputies' work: trainings, forums, 六联系 contact records and four-level joint inspections.</summary>
public static class DeputyActivitiesApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
