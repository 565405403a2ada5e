using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>政府债务: the limit approved (限额) and the balance (余额) of one kind at a year's end (or as last reported).</summary>
public class GovernmentDebt
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int BatchId { get; set; }
    public int Year { get; set; }
    public DebtKind Kind { get; set; }
    public decimal Limit { get; set; }
    public decimal Balance { get; set; }
    public DateOnly AsOf { get; set; }
}

/// <summary>A repayment of government debt due on a date, and when and how much was repaid.</summary>
public class DebtRepayment
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int BatchId { get; set; }
    public int Year { get; set; }
    public DebtKind Kind { get; set; }
    /// <summary>The bond or loan, as the finance bureau names it.</summary>
    [MaxLength(100)] public required string Instrument { get; set; }
    public DateOnly DueOn { get; set; }
    public decimal AmountDue { get; set; }
    public DateOnly? PaidOn { get; set; }
    public decimal AmountPaid { get; set; }
}
