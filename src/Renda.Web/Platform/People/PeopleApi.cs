namespace Renda.Web.Platform.People;

// STUB — to be implemented (deputies list with masking, import CSV/XLSX all-or-nothing).
public static class PeopleApi
{
    public static void Map(RouteGroupBuilder api) { }
}
