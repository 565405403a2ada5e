using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.BudgetMonitoring.Pages.Warnings;

/// <summary>/budget/rules — each warning rule with its reason; staff switch it, set its thresholds, dates and scope.</summary>
public class RulesModel(RendaDbContext db) : WarningPageModel(db)
{
    public List<WarningRules.RuleView> Rules { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) => Rules = await WarningRules.ViewsAsync(Db, Actor.CongressId, ct);

    public Task<IActionResult> OnPostAsync(WarningRuleKind kind, bool? enabled, string? threshold, string? secondThreshold, string? cutOffs, string? scope, CancellationToken ct)
        => StepAsync(a => WarningRules.SaveAsync(Db, a, kind, new WarningRules.RuleInput(enabled, Number("threshold", threshold), Number("secondThreshold", secondThreshold), cutOffs, scope), ct),
            $"已保存“{(Enum.IsDefined(kind) ? BudgetLabels.Of(kind) : "")}”规则，下一批数据导入或重新检查时按新设置运行。", () => $"/budget/rules#rule-{kind}", ct);

    /// <summary>A number from the form: empty is missing (the rule decides whether that is an error), anything else must be a number.</summary>
    private static decimal? Number(string field, string? text)
        => string.IsNullOrWhiteSpace(text) ? null
            : decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : throw DomainException.Invalid(field, $"“{text.Trim()}”不是数字。");
}
