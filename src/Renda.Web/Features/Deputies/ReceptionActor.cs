namespace Renda.Web.Features.Deputies;

/// <summary>
/// Who acts on stations, receptions and opinions: the staff of the station's congress keep them; a handling unit's officer
/// answers what was referred to the unit; a deputy sees the receptions they attend and may turn an opinion into a suggestion.
/// </summary>
public sealed record ReceptionActor : Actor
{
    public ReceptionActor(CurrentUser user) : base(user) => Name = user.UserName ?? "";

    public string Name { get; }

    public bool IsStaffOf(int congressId) => congressId == CongressId && (IsStaff || IsCouncil);

    public void RequireStaffOf(int congressId)
    {
        if (!IsStaffOf(congressId)) throw DomainException.Forbidden("只有本级人大常委会工作人员可以办理代表联络站工作。");
    }

    public bool ActsFor(int? unitId) => unitId is { } u && UnitIds.Contains(u);
}
