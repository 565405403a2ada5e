using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>资金性质: the four budgets of the 预算法 (第五条).</summary>
public enum FundNature { GeneralPublic = 1, GovernmentFund = 2, StateCapital = 3, SocialInsurance = 4 }

/// <summary>指标来源: where an indicator's amount comes from.</summary>
public enum IndicatorSource { AnnualBudget = 1, Addition = 2, Reduction = 3, CarryOver = 4 }

/// <summary>指标调整类型 of an adjusting indicator line; an original budget line has none.</summary>
public enum IndicatorAdjustment { Addition = 1, Reduction = 2, Freeze = 3, Unfreeze = 4 }

/// <summary>支付方式 of the treasury's centralised payment.</summary>
public enum PaymentMethod { Direct = 1, Authorised = 2 }

public enum PayeeKind { Organisation = 1, Individual = 2 }

/// <summary>政府债务 kinds (预算法 第三十五条: 一般债务 from the general budget, 专项债务 from government funds).</summary>
public enum DebtKind { General = 1, Special = 2 }

/// <summary>政府收支分类科目: 支出功能分类 (类-款-项, 3/5/7 digits) and 经济分类 (类-款, 3/5 digits).</summary>
public enum ClassificationKind { Functional = 1, Economic = 2 }

/// <summary>
/// A budget unit (预算单位) of the government that the congress supervises, as the finance bureau codes it. Warnings about
/// the unit go to its handling unit's officers when it has one, otherwise to the finance bureau (BudgetSettings).
/// </summary>
public class BudgetUnit
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(30)] public required string Code { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
    /// <summary>The department's code for a subordinate unit (二级预算单位), null for a department itself.</summary>
    [MaxLength(30)] public string? ParentCode { get; set; }
    public int? HandlingUnitId { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A code of the national 政府收支分类科目; the same for every congress.</summary>
public class BudgetClassification
{
    public int Id { get; set; }
    public ClassificationKind Kind { get; set; }
    [MaxLength(10)] public required string Code { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
}

/// <summary>A budget project (项目) of a unit: 项目支出 by code, or 基本支出 (人员类/公用经费).</summary>
public class BudgetProject
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int BudgetUnitId { get; set; }
    [MaxLength(40)] public required string Code { get; set; }
    [MaxLength(200)] public required string Name { get; set; }
    /// <summary>项目类别 as the finance system names it (基本支出、项目支出、专项转移支付 …).</summary>
    [MaxLength(30)] public required string Kind { get; set; }
}
