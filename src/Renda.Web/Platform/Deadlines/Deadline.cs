using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.Deadlines;

/// <summary>
/// How a legal period is counted from its start. CalendarDaysBefore counts back from a reference date (a meeting):
/// "会议举行N日前" must be done by the N-th day before it, so a day off moves it to the working day before, not after.
/// </summary>
public enum PeriodUnit { WorkingDays = 1, CalendarDays = 2, Months = 3, CalendarDaysBefore = 4 }

public enum DeadlineStatus { Open = 1, Met = 2, Overdue = 3, Cancelled = 4 }

/// <summary>
/// A legal clock created by a module's transition: what must happen, by when, under which rule.
/// The due date is derived from Start + Period under the work calendar plus recorded extensions
/// (for a CalendarDaysBefore clock, StartsOn is the reference date the period counts back from),
/// so a change of the holiday calendar recomputes it (Recompute).
/// </summary>
public class Deadline
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    /// <summary>The record the clock belongs to, e.g. "Suggestion" / "42".</summary>
    [MaxLength(50)] public required string SubjectType { get; set; }
    [MaxLength(50)] public required string SubjectId { get; set; }
    /// <summary>Which clock of the subject this is (e.g. "answer", "contact:12"), so a module finds it again.</summary>
    [MaxLength(50)] public string? Purpose { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    /// <summary>The rule in words, e.g. 闭会期间代表建议应自收到之日起10个工作日内交办.</summary>
    [MaxLength(500)] public required string Rule { get; set; }
    /// <summary>Its legal source, e.g. 代表法 第五十一条.</summary>
    [MaxLength(200)] public required string Source { get; set; }
    public DateOnly StartsOn { get; set; }
    public PeriodUnit Unit { get; set; } = PeriodUnit.WorkingDays;
    public int Amount { get; set; }
    public DateOnly DueOn { get; set; }
    public int? OwnerAccountId { get; set; }
    public int? OwnerHandlingUnitId { get; set; }
    public int? OwnerCommitteeId { get; set; }
    public DeadlineStatus Status { get; private set; } = DeadlineStatus.Open;
    public DateTime? CompletedAt { get; set; }
    /// <summary>0 = not escalated; 1 = owner's head; 2 = working committee; 3 = Council of Chairpersons.</summary>
    public int EscalationLevel { get; set; }
    /// <summary>
    /// When the monitor last notified about this clock. At EscalationLevel 0 it records the "due
    /// soon" reminder (null = not yet sent for the current due date), so the reminder goes out
    /// once, across runs and restarts, without a column of its own.
    /// </summary>
    public DateTime? LastEscalatedAt { get; set; }
    /// <summary>Set when the due date falls in a year whose holiday notice is not loaded (counted as plain weekends).</summary>
    public bool CalendarProvisional { get; set; }
    public List<DeadlineExtension> Extensions { get; set; } = [];

    /// <summary>The due date has passed with the clock still open (the monitor's finding).</summary>
    public void MarkOverdue()
    {
        if (Status == DeadlineStatus.Open) Status = DeadlineStatus.Overdue;
    }

    /// <summary>A new calendar or an extension put the due date back in the future: open again, its escalation starts over.</summary>
    public void Reopen()
    {
        if (Status != DeadlineStatus.Overdue) return;
        Status = DeadlineStatus.Open;
        EscalationLevel = 0;
        LastEscalatedAt = null;
    }

    public void Complete(DateTime now)
    {
        switch (Status)
        {
            case DeadlineStatus.Open:
            case DeadlineStatus.Overdue:
                Status = DeadlineStatus.Met;
                CompletedAt = now;
                break;
            case DeadlineStatus.Met:
                throw DomainException.Conflict("该期限已完成。");
            case DeadlineStatus.Cancelled:
                throw DomainException.Conflict("该期限已取消，不能完成。");
        }
    }

    public void Cancel(DateTime now)
    {
        switch (Status)
        {
            case DeadlineStatus.Open:
            case DeadlineStatus.Overdue:
                Status = DeadlineStatus.Cancelled;
                CompletedAt = now;
                break;
            case DeadlineStatus.Met:
            case DeadlineStatus.Cancelled:
                throw DomainException.Conflict("该期限已结束，不能取消。");
        }
    }
}

/// <summary>An extension is recorded, never hidden: who approved it, why, and by how much.</summary>
public class DeadlineExtension
{
    public int Id { get; set; }
    public int DeadlineId { get; set; }
    public PeriodUnit Unit { get; set; } = PeriodUnit.WorkingDays;
    public int Amount { get; set; }
    [MaxLength(500)] public required string Reason { get; set; }
    public int? ApprovedByAccountId { get; set; }
    public DateTime At { get; set; }
}
