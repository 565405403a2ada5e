using Renda.Web.Platform.People;
using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

public enum DutyCorrectionStatus { Pending = 1, Accepted = 2, Rejected = 3 }

public enum DutyCorrectionAction { Accept = 1, Reject = 2 }

/// <summary>
/// 档案更正申请: a deputy asks for a record of their archive to be corrected (its date or title) or for a missing record to be
/// added; the congress's staff accept or reject it with a reason. Accepting a missing record adds it with SourceType
/// "correction" (the request's id as its source), so a rebuild from the modules never removes or repeats it.
/// </summary>
public class DutyCorrectionRequest
{
    public const string Subject = "correction";
    public const int MaxText = 1000;

    public static readonly StateMachine<DutyCorrectionStatus, DutyCorrectionAction> Machine = new("档案更正申请", DutyArchiveLabels.Of,
        Allow.Row(DutyCorrectionAction.Accept, "采纳更正", ActorKinds.Staff, DutyCorrectionStatus.Pending),
        Allow.Row(DutyCorrectionAction.Reject, "不予更正", ActorKinds.Staff, DutyCorrectionStatus.Pending));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int DeputyId { get; set; }
    /// <summary>The record to correct; null when the request is for a missing record.</summary>
    public int? DutyRecordId { get; set; }
    /// <summary>The missing record's kind (one of DutyKinds), or the corrected kind is not changeable: null for an existing record.</summary>
    [MaxLength(30)] public string? Kind { get; set; }
    /// <summary>The date the record should carry (the missing record's date, or a corrected date).</summary>
    public DateOnly? On { get; set; }
    /// <summary>The title the record should carry (the missing record's title, or a corrected title).</summary>
    [MaxLength(300)] public string? Title { get; set; }
    [MaxLength(MaxText)] public required string Reason { get; set; }
    public int RequestedByAccountId { get; set; }
    public DateTime RequestedAt { get; set; }
    public DutyCorrectionStatus Status { get; private set; } = DutyCorrectionStatus.Pending;
    [MaxLength(MaxText)] public string? Decision { get; private set; }
    public int? DecidedByAccountId { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    public bool Can(DutyCorrectionAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public bool IsMissingRecord => DutyRecordId is null;

    public void Accept(string decision, int accountId, DateTime now)
    {
        Machine.Require(Status, DutyCorrectionAction.Accept);
        (Status, Decision, DecidedByAccountId, DecidedAt) = (DutyCorrectionStatus.Accepted, decision, accountId, now);
    }

    public void Reject(string decision, int accountId, DateTime now)
    {
        Machine.Require(Status, DutyCorrectionAction.Reject);
        (Status, Decision, DecidedByAccountId, DecidedAt) = (DutyCorrectionStatus.Rejected, decision, accountId, now);
    }
}
