using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>One line of a budget indicator document (预算指标): how much a unit may spend on a project, by classification.</summary>
public class BudgetIndicator
{
    public long Id { get; set; }
    public int CongressId { get; set; }
    public int BatchId { get; set; }
    public int Year { get; set; }
    /// <summary>指标文号, e.g. 西财预〔2023〕12号; payments name it.</summary>
    [MaxLength(60)] public required string DocumentNumber { get; set; }
    public int BudgetUnitId { get; set; }
    [MaxLength(10)] public required string FunctionCode { get; set; }
    [MaxLength(10)] public required string EconomicCode { get; set; }
    public int? ProjectId { get; set; }
    public FundNature FundNature { get; set; }
    public IndicatorSource Source { get; set; }
    public IndicatorAdjustment? Adjustment { get; set; }
    /// <summary>Yuan, two decimals; a reduction is negative.</summary>
    public decimal Amount { get; set; }
    public DateOnly EffectiveOn { get; set; }
}
