namespace Renda.Web.Features.Deputies;

/// <summary>Endpoints of deputies' work: the duty archive, its points, corrections and the annual duty report.</summary>
public static class DutyArchiveApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
