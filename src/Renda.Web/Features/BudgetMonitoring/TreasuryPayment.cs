using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// One row of the treasury's centralised payment detail (国库集中支付明细). The table grows without bound (a million rows a year
/// for a prefecture), so on PostgreSQL it is partitioned by Year and the key holds Year; only the import writes it, in bulk.
/// </summary>
public class TreasuryPayment
{
    public int Year { get; set; }
    public long Id { get; set; }
    public int CongressId { get; set; }
    public int BatchId { get; set; }
    [MaxLength(40)] public required string VoucherNumber { get; set; }
    public int BudgetUnitId { get; set; }
    [MaxLength(10)] public required string FunctionCode { get; set; }
    [MaxLength(10)] public required string EconomicCode { get; set; }
    public int? ProjectId { get; set; }
    /// <summary>The indicator document the payment draws on; null is a payment without an indicator (无指标支付).</summary>
    [MaxLength(60)] public string? IndicatorDocumentNumber { get; set; }
    public FundNature FundNature { get; set; }
    public PaymentMethod Method { get; set; }
    /// <summary>Yuan, two decimals; a refund is negative and names the voucher it reverses.</summary>
    public decimal Amount { get; set; }
    [MaxLength(40)] public string? ReversesVoucherNumber { get; set; }
    [MaxLength(100)] public required string PayeeName { get; set; }
    public PayeeKind PayeeKind { get; set; }
    [MaxLength(100)] public string? PayeeBank { get; set; }
    [MaxLength(200)] public string? Summary { get; set; }
    public DateOnly PaidOn { get; set; }
    public DateOnly? ClearedOn { get; set; }
}

/// <summary>
/// Monthly sums of payments by unit, project, classification and fund nature, kept equal to the raw rows after every batch,
/// correction and refund (BudgetAggregates): the analysis pages read these, the drill-down reads the payments.
/// </summary>
public class BudgetExecutionMonthly : IExecutionSums
{
    public long Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int BudgetUnitId { get; set; }
    /// <summary>0 for payments that name no project (基本支出 without a project code).</summary>
    public int ProjectId { get; set; }
    [MaxLength(10)] public required string FunctionCode { get; set; }
    [MaxLength(10)] public required string EconomicCode { get; set; }
    /// <summary>
    /// The indicator document the payments name, "" for none (a key column, so not null): the warning rules read their sums by
    /// document from here instead of grouping the year's payments (0037).
    /// </summary>
    [MaxLength(60)] public string IndicatorDocumentNumber { get; set; } = "";
    public FundNature FundNature { get; set; }
    public decimal Amount { get; set; }
    public int Payments { get; set; }
}
