namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>Chinese names of the module's states and kinds.</summary>
public static class BudgetLabels
{
    public static string Of(BudgetWarningStatus s) => s switch
    {
        BudgetWarningStatus.Raised => "待核实",
        BudgetWarningStatus.Dismissed => "已排除",
        BudgetWarningStatus.Sent => "待答复",
        BudgetWarningStatus.Answered => "待认定",
        BudgetWarningStatus.Closed => "已销号",
    };

    public static string Of(WarningRuleKind k) => k switch
    {
        WarningRuleKind.ExecutionLagging => "执行进度滞后",
        WarningRuleKind.PaymentWithoutIndicator => "无指标支付",
        WarningRuleKind.PaymentAboveIndicator => "超指标支付",
        WarningRuleKind.YearEndRush => "年底突击花钱",
        WarningRuleKind.LargePaymentToIndividual => "大额支付给个人",
        WarningRuleKind.SplitPayments => "拆分支付",
        WarningRuleKind.IdleProject => "资金闲置（季末未支出）",
        WarningRuleKind.StaleCarryOver => "结转资金超过两年",
        WarningRuleKind.ThreePublicOverBudget => "“三公”经费超预算",
        WarningRuleKind.DebtAboveLimit => "债务余额超限额",
        WarningRuleKind.RepaymentOverdue => "债务逾期未偿还",
    };

    public static string Of(FundNature f) => f switch
    {
        FundNature.GeneralPublic => "一般公共预算",
        FundNature.GovernmentFund => "政府性基金预算",
        FundNature.StateCapital => "国有资本经营预算",
        FundNature.SocialInsurance => "社会保险基金预算",
    };

    public static string Of(IndicatorSource s) => s switch
    {
        IndicatorSource.AnnualBudget => "年初预算",
        IndicatorSource.Addition => "追加",
        IndicatorSource.Reduction => "调减",
        IndicatorSource.CarryOver => "结转",
    };

    public static string Of(IndicatorAdjustment a) => a switch
    {
        IndicatorAdjustment.Addition => "追加",
        IndicatorAdjustment.Reduction => "调减",
        IndicatorAdjustment.Freeze => "冻结",
        IndicatorAdjustment.Unfreeze => "解冻",
    };

    public static string Of(PaymentMethod m) => m switch { PaymentMethod.Direct => "直接支付", PaymentMethod.Authorised => "授权支付" };

    public static string Of(PayeeKind k) => k switch { PayeeKind.Organisation => "单位", PayeeKind.Individual => "个人" };

    public static string Of(DebtKind k) => k switch { DebtKind.General => "一般债务", DebtKind.Special => "专项债务" };

    public static string Of(BudgetDataKind k) => k switch { BudgetDataKind.Indicators => "预算指标", BudgetDataKind.Payments => "国库集中支付明细", BudgetDataKind.Debt => "政府债务" };

    public static string Of(BudgetChannel c) => c switch { BudgetChannel.Upload => "上传", BudgetChannel.Push => "接口推送", BudgetChannel.CommandLine => "命令行", BudgetChannel.Demo => "演示数据" };
}
