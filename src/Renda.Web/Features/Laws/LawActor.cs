namespace Renda.Web.Features.Laws;

/// <summary>Who keeps the record of a regulation: the staff of the congress that made it (national laws are their publishers').</summary>
public sealed record LawActor : Actor
{
    public LawActor(CurrentUser user) : base(user)
    {
    }

    public bool MayMark(Law law) => IsStaff && law.CongressId == CongressId;

    public void RequireKeeper(Law law)
    {
        if (law.CongressId is null) throw DomainException.Forbidden("国家法律、行政法规的时效性以其发布机关公布的为准，不在本平台标记。");
        if (!MayMark(law)) throw DomainException.Forbidden("只有制定该法规的人大常委会工作人员可以标记其修改或废止。");
    }
}
