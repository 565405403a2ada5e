using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>What the two monthly sum tables share, so that one query serves either.</summary>
public interface IExecutionSums
{
    int CongressId { get; }
    int Year { get; }
    int Month { get; }
    int BudgetUnitId { get; }
    FundNature FundNature { get; }
    decimal Amount { get; }
    int Payments { get; }
}

/// <summary>
/// BudgetExecutionMonthly rolled up to unit, functional code and fund nature (no project, no economic code): about a tenth of
/// its rows, so the views by unit, function, fund and month (the start page's) read a few thousand rows, not a hundred
/// thousand. Kept equal to the finer table by BudgetAggregates in the same statement group.
/// </summary>
public class BudgetExecutionUnitMonthly : IExecutionSums
{
    public long Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int BudgetUnitId { get; set; }
    [MaxLength(10)] public required string FunctionCode { get; set; }
    public FundNature FundNature { get; set; }
    public decimal Amount { get; set; }
    public int Payments { get; set; }
}

/// <summary>
/// The same roll-up (unit, functional code, fund nature) by day: what an analysis "as of" a date inside a month adds to the
/// whole months of <see cref="BudgetExecutionUnitMonthly"/>, instead of the raw payments of those days (at 10 M payments, a
/// half month is about a hundred thousand rows spread over the year's partition). Kept by BudgetAggregates with the others.
/// </summary>
public class BudgetExecutionUnitDaily : IExecutionSums
{
    public long Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int Day { get; set; }
    public int BudgetUnitId { get; set; }
    [MaxLength(10)] public required string FunctionCode { get; set; }
    public FundNature FundNature { get; set; }
    public decimal Amount { get; set; }
    public int Payments { get; set; }
}
