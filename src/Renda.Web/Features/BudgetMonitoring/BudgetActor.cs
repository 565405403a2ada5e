namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// Who acts in budget online supervision: the budget committee's staff (预算工委 / 财经委) import, analyse and handle warnings;
/// the finance bureau's and budget units' officers answer warnings and push data; deputies and members read.
/// </summary>
public sealed record BudgetActor : Actor
{
    public BudgetActor(CurrentUser user) : base(user)
    {
    }

    /// <summary>An account acting without a sign-in: the demo loader replaying the story as its staff and officers.</summary>
    internal BudgetActor(int accountId, int congressId, IReadOnlyList<int> unitIds, ActorKinds kinds) : base(accountId, congressId, null, unitIds, kinds)
    {
    }

    /// <summary>An individual payee's name is shown in full only to the congress's staff.</summary>
    public bool SeesPayeeNames(int congressId) => IsStaff && congressId == CongressId;

    /// <summary>The officer of the handling unit a warning was sent to.</summary>
    public bool ActsFor(BudgetWarning w) => w.SentToHandlingUnitId is { } u && UnitIds.Contains(u);

    /// <summary>Staff of the warning's congress see it; a unit's officers once it was sent to their unit.</summary>
    public bool MaySee(BudgetWarning w) => w.CongressId == CongressId && (IsStaff || ActsFor(w));
}
