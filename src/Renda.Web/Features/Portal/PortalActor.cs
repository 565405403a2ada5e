namespace Renda.Web.Features.Portal;

/// <summary>Who writes for the public site: the standing committee's staff of their own congress. Anyone reads what is published.</summary>
public sealed record PortalActor : Actor
{
    public PortalActor(CurrentUser user) : base(user)
    {
    }

    public bool MayEdit(int congressId) => IsStaff && congressId == CongressId;

    public void RequireEditor(int congressId)
    {
        const string refusal = "只有本级人大常委会工作人员可以编辑门户网站的工作动态和公告。";
        if (congressId != CongressId) throw DomainException.Forbidden(refusal);
        RequireStaff(refusal);
    }
}
