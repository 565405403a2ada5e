namespace Renda.Web.Features.Deputies;

/// <summary>Endpoints of deputies' work: liaison stations, their funding, reception days and constituents' opinions.</summary>
public static class DeputiesApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
