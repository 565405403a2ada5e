using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Legislation;

/// <summary>Submitted (the 4-month clock runs) → Reviewed (legality findings recorded) → OnAgenda → Approved or Refused by the vote.</summary>
public enum ApprovalStatus { Submitted = 1, Reviewed = 2, OnAgenda = 3, Approved = 4, Refused = 5 }

/// <summary>The steps of an approval (the rows of <see cref="Approval.Machine"/>).</summary>
public enum ApprovalAction { RecordFindings = 1, PutOnAgenda = 2, Vote = 3 }

/// <summary>审查批准: a prefecture's regulation submitted to the province, reviewed for legality and voted on within 4 months.</summary>
public class Approval
{
    public static readonly StateMachine<ApprovalStatus, ApprovalAction> Machine = new("报批事项", LegislationLabels.Of,
        Allow.Row(ApprovalAction.RecordFindings, "记录合法性审查意见", ActorKinds.Staff, ApprovalStatus.Submitted, ApprovalStatus.Reviewed),
        Allow.Row(ApprovalAction.PutOnAgenda, "提请会议审议", ActorKinds.Staff, ApprovalStatus.Reviewed),
        Allow.Row(ApprovalAction.Vote, "表决", ActorKinds.Staff | ActorKinds.System, ApprovalStatus.OnAgenda));

    public int Id { get; set; }
    /// <summary>The province's congress that approves.</summary>
    public int CongressId { get; set; }
    /// <summary>The submitting congress when it is on the platform (Haixi); its bill, which waits for this decision.</summary>
    public int? FromCongressId { get; set; }
    public int? BillId { get; set; }
    [MaxLength(100)] public required string SubmittedBy { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    public BillKind Kind { get; set; } = BillKind.New;
    public DateOnly SubmittedOn { get; set; }
    public ApprovalStatus Status { get; private set; } = ApprovalStatus.Submitted;
    [MaxLength(5000)] public string? LegalityFindings { get; private set; }
    /// <summary>The review found a conflict with the Constitution, laws or administrative regulations (then it is not approved as is).</summary>
    public bool ConflictFound { get; private set; }
    public int? MeetingId { get; private set; }
    public int? AgendaItemId { get; private set; }
    public int? VoteId { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateTime CreatedAt { get; set; }

    public const string Source = "立法法 第八十一条";

    public bool Can(ApprovalAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void RecordFindings(string findings, bool conflict)
    {
        Machine.Require(Status, ApprovalAction.RecordFindings);
        LegalityFindings = findings;
        ConflictFound = conflict;
        Status = ApprovalStatus.Reviewed;
    }

    /// <summary>Only a reviewed approval goes to a meeting; one still waiting for its findings is told so.</summary>
    public void RequirePutOnAgenda()
    {
        if (!Can(ApprovalAction.PutOnAgenda) && Can(ApprovalAction.RecordFindings))
            throw DomainException.Conflict("尚未记录合法性审查意见，不能提请会议审议。");
        Machine.Require(Status, ApprovalAction.PutOnAgenda);
    }

    /// <summary>On a meeting's agenda; the demo's history has approvals decided at meetings without agenda records (ids null).</summary>
    public void PutOnAgenda(int? meetingId, int? itemId)
    {
        RequirePutOnAgenda();
        MeetingId = meetingId;
        AgendaItemId = itemId;
        Status = ApprovalStatus.OnAgenda;
    }

    /// <summary>The vote is prepared on the agenda item the approval was put on.</summary>
    public (int MeetingId, int AgendaItemId) RequireVote()
    {
        if (!Can(ApprovalAction.Vote) || MeetingId is not { } meeting || AgendaItemId is not { } item)
            throw DomainException.Conflict("报批事项尚未列入会议议程，不能表决。");
        return (meeting, item);
    }

    public void Decide(bool approved, DateOnly on, int? voteId)
    {
        Machine.Require(Status, ApprovalAction.Vote);
        VoteId = voteId;
        DecidedOn = on;
        Status = approved ? ApprovalStatus.Approved : ApprovalStatus.Refused;
    }
}
