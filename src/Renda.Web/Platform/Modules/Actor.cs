namespace Renda.Web.Platform.Modules;

/// <summary>The kinds of people who act in the modules, as a state machine's row names who may take an action.</summary>
[Flags]
public enum ActorKinds
{
    /// <summary>常委会工作人员 (the committee's offices and working bodies).</summary>
    Staff = 1,
    /// <summary>主任会议组成人员.</summary>
    Council = 2,
    /// <summary>常委会组成人员 (the council's members are members too).</summary>
    Member = 4,
    /// <summary>人大代表 with an account.</summary>
    Deputy = 8,
    /// <summary>承办单位 / 报告机关 / 报备机关 officers: an account that acts for one or more handling units.</summary>
    UnitOfficer = 16,
    /// <summary>The platform itself (timers, imports, the demo loader replaying history).</summary>
    System = 32,
    Anyone = Staff | Council | Member | Deputy | UnitOfficer | System,
}

public static class ActorKindLabels
{
    private static readonly (ActorKinds Kind, string Label)[] Labels =
    [
        (ActorKinds.Staff, "常委会工作人员"), (ActorKinds.Council, "主任会议组成人员"), (ActorKinds.Member, "常委会组成人员"),
        (ActorKinds.Deputy, "人大代表"), (ActorKinds.UnitOfficer, "承办单位经办人"), (ActorKinds.System, "系统"),
    ];

    /// <summary>"常委会工作人员或人大代表" for a refusal.</summary>
    public static string Of(ActorKinds kinds) => string.Join("或", Labels.Where(l => kinds.HasFlag(l.Kind) && l.Kind != ActorKinds.System).Select(l => l.Label));
}

/// <summary>
/// Who acts, as every module sees it: the account, its congress, the person behind it, the units it acts for, and its kinds,
/// read from the sign-in's claims without a query. A module's actor (SuggestionActor, MeetingActor …) derives from it and adds
/// only what is its own (a deputy's id, the filer it files for).
/// </summary>
public abstract record Actor
{
    public int AccountId { get; }
    public int CongressId { get; }
    public int? PersonId { get; }
    public IReadOnlyList<int> UnitIds { get; }
    public ActorKinds Kinds { get; }

    protected Actor(int accountId, int congressId, int? personId, IReadOnlyList<int> unitIds, ActorKinds kinds)
    {
        AccountId = accountId;
        CongressId = congressId;
        PersonId = personId;
        UnitIds = unitIds;
        Kinds = kinds | (unitIds.Count > 0 ? ActorKinds.UnitOfficer : 0);
    }

    protected Actor(CurrentUser user)
        : this(user.AccountId ?? throw DomainException.Forbidden("请先登录。"), user.CongressId ?? throw DomainException.Forbidden("请先登录。"),
            user.PersonId, user.HandlingUnitIds.ToList(), KindsOf(user))
    {
    }

    public static ActorKinds KindsOf(CurrentUser user)
    {
        ActorKinds kinds = 0;
        if (user.Has(Role.CommitteeStaff)) kinds |= ActorKinds.Staff;
        if (user.Has(Role.ChairpersonsCouncilMember)) kinds |= ActorKinds.Council | ActorKinds.Member;
        if (user.Has(Role.StandingCommitteeMember)) kinds |= ActorKinds.Member;
        if (user.Has(Role.Deputy)) kinds |= ActorKinds.Deputy;
        return kinds;
    }

    public bool IsStaff => Kinds.HasFlag(ActorKinds.Staff);
    public bool IsCouncil => Kinds.HasFlag(ActorKinds.Council);
    public bool IsMember => Kinds.HasFlag(ActorKinds.Member);
    public bool IsDeputy => Kinds.HasFlag(ActorKinds.Deputy);
    public bool IsAny(ActorKinds kinds) => (Kinds & kinds) != 0;

    /// <summary>Most records are kept by the committee's staff.</summary>
    public void RequireStaff(string refusal = "只有常委会工作人员可以办理此操作。")
    {
        if (!IsStaff) throw DomainException.Forbidden(refusal);
    }

    public void RequireAny(ActorKinds kinds, string refusal)
    {
        if (!IsAny(kinds)) throw DomainException.Forbidden(refusal);
    }
}
