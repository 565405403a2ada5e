using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>The warning rules of issue 17 (预警规则); each has a default threshold and reason in WarningRules and may be changed per congress.</summary>
public enum WarningRuleKind
{
    ExecutionLagging = 1,
    PaymentWithoutIndicator = 2,
    PaymentAboveIndicator = 3,
    YearEndRush = 4,
    LargePaymentToIndividual = 5,
    SplitPayments = 6,
    IdleProject = 7,
    StaleCarryOver = 8,
    ThreePublicOverBudget = 9,
    DebtAboveLimit = 10,
    RepaymentOverdue = 11,
}

/// <summary>Raised → Dismissed (with a reason) | Sent (reply clock) → Answered → Closed (销号) | back to Sent for rectification.</summary>
public enum BudgetWarningStatus { Raised = 1, Dismissed = 2, Sent = 3, Answered = 4, Closed = 5 }

public enum BudgetWarningAction { Dismiss = 1, Send = 2, Answer = 3, Accept = 4, Reject = 5 }

/// <summary>
/// One anomaly found by a rule (预警). It keeps the rule, the figure, the threshold and the records behind it; its Fingerprint
/// (rule + what it is about) is unique per congress, so the same anomaly is never raised twice.
/// </summary>
public class BudgetWarning
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public WarningRuleKind Rule { get; set; }
    public int Year { get; set; }
    /// <summary>Rule and subject, e.g. "ExecutionLagging:2023-06-30:unit:12"; unique per congress.</summary>
    [MaxLength(200)] public required string Fingerprint { get; set; }
    public int? BudgetUnitId { get; set; }
    public int? ProjectId { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    /// <summary>The figure found and the threshold it crossed, in the rule's unit (percentage points, yuan, share).</summary>
    public decimal Figure { get; set; }
    public decimal Threshold { get; set; }
    [MaxLength(2000)] public required string Detail { get; set; }
    public DateOnly RaisedOn { get; set; }
    public BudgetWarningStatus Status { get; private set; } = BudgetWarningStatus.Raised;
    /// <summary>The handling unit whose officers answer (the budget unit's, or the finance bureau).</summary>
    public int? SentToHandlingUnitId { get; private set; }
    public DateOnly? SentOn { get; private set; }
    /// <summary>1 when first sent; each rejection sends it back for rectification with a new clock.</summary>
    public int Round { get; private set; }
    [MaxLength(1000)] public string? DismissReason { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public List<BudgetWarningEvidence> Evidence { get; set; } = [];
    public List<BudgetWarningReply> Replies { get; set; } = [];

    public static readonly StateMachine<BudgetWarningStatus, BudgetWarningAction> Machine = new("该预警", BudgetLabels.Of,
        Allow.Row(BudgetWarningAction.Dismiss, "排除预警", ActorKinds.Staff, BudgetWarningStatus.Raised),
        Allow.Row(BudgetWarningAction.Send, "发送预警", ActorKinds.Staff, BudgetWarningStatus.Raised),
        Allow.Row(BudgetWarningAction.Answer, "答复预警", ActorKinds.UnitOfficer, BudgetWarningStatus.Sent),
        Allow.Row(BudgetWarningAction.Accept, "认可并销号", ActorKinds.Staff, BudgetWarningStatus.Answered),
        Allow.Row(BudgetWarningAction.Reject, "退回整改", ActorKinds.Staff, BudgetWarningStatus.Answered));

    public bool Can(BudgetWarningAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void Dismiss(string reason)
    {
        Machine.Require(Status, BudgetWarningAction.Dismiss);
        Status = BudgetWarningStatus.Dismissed;
        DismissReason = reason;
    }

    public void Send(int handlingUnitId, DateOnly on)
    {
        Machine.Require(Status, BudgetWarningAction.Send);
        Status = BudgetWarningStatus.Sent;
        SentToHandlingUnitId = handlingUnitId;
        SentOn = on;
        Round = 1;
    }

    public void Answer()
    {
        Machine.Require(Status, BudgetWarningAction.Answer);
        Status = BudgetWarningStatus.Answered;
    }

    public void Accept(DateOnly on)
    {
        Machine.Require(Status, BudgetWarningAction.Accept);
        Status = BudgetWarningStatus.Closed;
        ClosedOn = on;
    }

    public void Reject()
    {
        Machine.Require(Status, BudgetWarningAction.Reject);
        Status = BudgetWarningStatus.Sent;
        Round++;
    }
}

public enum EvidenceKind { Payment = 1, Indicator = 2, Debt = 3, Repayment = 4 }

/// <summary>A record behind a warning: a payment (Year, Id), an indicator line, a debt figure or a repayment.</summary>
public class BudgetWarningEvidence
{
    public long Id { get; set; }
    public int WarningId { get; set; }
    public EvidenceKind Kind { get; set; }
    public int Year { get; set; }
    public long RecordId { get; set; }
}

public enum WarningReplyKind { Answer = 1, Accepted = 2, Rejected = 3 }

/// <summary>The unit's answer (explanation, rectification) or the staff's verification, in order; attachments hang on it.</summary>
public class BudgetWarningReply
{
    public int Id { get; set; }
    public int WarningId { get; set; }
    public int Round { get; set; }
    public WarningReplyKind Kind { get; set; }
    [MaxLength(4000)] public required string Text { get; set; }
    [MaxLength(2000)] public string? Rectification { get; set; }
    public DateOnly On { get; set; }
    public int AccountId { get; set; }
}

/// <summary>
/// A congress's setting of one rule (on/off, threshold, cut-off dates, scope); a rule without a row has the defaults of
/// WarningRules, with its reason shown beside it.
/// </summary>
public class WarningRule
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public WarningRuleKind Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public decimal Threshold { get; set; }
    /// <summary>A second figure where the rule has one (split payments: the window in days; idle funds: the quarter).</summary>
    public decimal? SecondThreshold { get; set; }
    /// <summary>Cut-off dates as MM-DD, comma-separated (execution lagging: 06-30,09-30,10-31).</summary>
    [MaxLength(100)] public string? CutOffs { get; set; }
    /// <summary>Budget unit codes the rule is limited to, comma-separated; empty is every unit.</summary>
    [MaxLength(2000)] public string? Scope { get; set; }
}

/// <summary>
/// A warning cited in the deliberation opinions (审议意见) of a supervision work report (budget execution, final accounts, audit):
/// the opinions name the anomaly, and the report's follow-up counts it until it is closed.
/// </summary>
public class BudgetWarningCitation
{
    public int Id { get; set; }
    public int WarningId { get; set; }
    public int WorkReportId { get; set; }
    public DateOnly CitedOn { get; set; }
    public int AccountId { get; set; }
}
