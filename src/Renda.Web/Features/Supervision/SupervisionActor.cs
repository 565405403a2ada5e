namespace Renda.Web.Features.Supervision;

/// <summary>
/// Who acts in supervision: committee staff keep the records; officers of the reporting organs (一府一委两院 and their
/// departments are handling units, so HandlingUnitOfficer fits — decision 0016) submit reports and answer; members appraise.
/// </summary>
public sealed record SupervisionActor : Actor
{
    public SupervisionActor(CurrentUser user) : base(user)
    {
    }

    /// <summary>The organ's own officers, or staff entering what the organ sent on paper.</summary>
    public void RequireOrganOrStaff(int organId)
    {
        if (!IsStaff && !UnitIds.Contains(organId)) throw DomainException.Forbidden("只有报告机关的经办人或常委会工作人员可以办理此操作。");
    }

    public bool MayRead => IsStaff || IsCouncil || IsMember || UnitIds.Count > 0;
}
