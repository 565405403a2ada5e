using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Modules;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// The configurable rules of DOMAIN.md §2, per congress. Default periods follow the practice cited there (provincial rules are
/// the evidence for a sensible number, never the basis a clock cites); an administrator changes them and names the congress's
/// own regulation as each clock's basis.
/// </summary>
public class SuggestionSettings : CongressSettings
{
    /// <summary>交办: working days from receipt (代表法 第五十一条; 重庆 第十三条).</summary>
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int AssignWorkingDays { get; set; } = 10;
    /// <summary>A unit may return a misaddressed suggestion within this many working days of assignment (重庆 第十六条).</summary>
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int UnitReturnWorkingDays { get; set; } = 10;
    [Range(1, 60, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int ReassignWorkingDays { get; set; } = 10;
    /// <summary>First contact with the deputy (重庆 第十八条).</summary>
    [Range(1, 90, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int FirstContactWorkingDays { get; set; } = 20;
    /// <summary>Co-units' written views to the lead unit (山东 第二十一条).</summary>
    [Range(1, 6, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int CoViewsMonths { get; set; } = 1;
    /// <summary>Answer within 3 months of assignment (代表法 第五十一条) …</summary>
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int AnswerMonths { get; set; } = 3;
    /// <summary>… and at most 6 with a recorded approval.</summary>
    [Range(1, 12, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int AnswerMaxMonths { get; set; } = 6;
    /// <summary>The deputy rates within 20 working days (重庆 第二十六条); a reminder after 10.</summary>
    [Range(1, 90, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int RatingWorkingDays { get; set; } = 20;
    [Range(1, 90, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int RatingReminderWorkingDays { get; set; } = 10;
    /// <summary>After 不满意, a new answer within 2 months (北京 第二十七条).</summary>
    [Range(1, 6, ErrorMessage = "须在 {1} 到 {2} 之间。")] public int RehandlingMonths { get; set; } = 2;
    /// <summary>Categories offered to deputies, separated by '|'.</summary>
    [MaxLength(500)] public string Categories { get; set; } = DefaultCategories;
    /// <summary>Answer categories as "code=label|code=label".</summary>
    [MaxLength(500)] public string AnswerCategories { get; set; } = DefaultAnswerCategories;
    /// <summary>Minimum similarity (0–1) for a suggestion to be shown as similar.</summary>
    [Range(0.05, 0.95, ErrorMessage = "须在 {1} 到 {2} 之间。")] public double SimilarityThreshold { get; set; } = Platform.Search.SearchIndex.DefaultMinScore;
    // The legal basis each clock cites (issue #20): the national law by default — 代表法 第五十一条 names the assignment, the
    // contact with the deputy and the 3/6-month answer; the other periods are the congress's own practice, and the default says
    // so rather than citing another province's rule. An administrator names the congress's own regulation here.
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string AssignBasis { get; set; } = NationalBasis + LocalPeriod;
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string ReassignBasis { get; set; } = NationalBasis + LocalPeriod;
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string ContactBasis { get; set; } = NationalBasis;
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string CoViewsBasis { get; set; } = NationalBasis + LocalPeriod;
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string AnswerBasis { get; set; } = NationalBasis;
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string RatingBasis { get; set; } = NationalBasis + LocalPeriod;
    [Required(ErrorMessage = BasisRequired), MaxLength(BasisMaxLength, ErrorMessage = BasisTooLong)] public string RehandleBasis { get; set; } = NationalBasis + LocalPeriod;

    public const string NationalBasis = "代表法 第五十一条";
    /// <summary>Said where the national law sets no period: the number of days is the congress's own rule.</summary>
    public const string LocalPeriod = "；期限按本级人大常委会规定";

    /// <summary>Closing day of the current congress session: suggestions made during the session are received by the standing committee that day.</summary>
    public DateOnly? SessionClosesOn { get; set; }

    public const string DefaultCategories = "经济发展|城乡建设|教育|医疗卫生|生态环境|农业农村|社会保障|民族宗教|政法|其他";
    public const string DefaultAnswerCategories = "A=已解决或采纳|B=正在解决或列入计划|C=因条件限制暂时不能解决|D=留作参考";

    public IReadOnlyList<string> CategoryList => (Categories ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<(string Code, string Label)> AnswerCategoryList => (AnswerCategories ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).Select(p => (p[0].Trim(), p.Length > 1 ? p[1].Trim() : p[0].Trim())).ToList();

    /// <summary>The category meaning "solved or adopted" is the first one; 解决率 counts it.</summary>
    public string ResolvedCategory => AnswerCategoryList.Count > 0 ? AnswerCategoryList[0].Code : "";

    /// <summary>Validates the lists (the numbers carry their ranges) and stores the congress's settings.</summary>
    public override void Check()
    {
        var categories = CategoryList;
        if (categories.Count == 0 || categories.Any(c => c.Length > 20) || categories.Distinct().Count() != categories.Count)
            throw Platform.Web.DomainException.Invalid("categories", "建议分类不能为空、不能重复，每类不超过 20 字。");
        var answers = AnswerCategoryList;
        if (answers.Count == 0 || answers.Any(a => a.Code.Length is 0 or > 10 || a.Label.Length == 0) || answers.Select(a => a.Code).Distinct().Count() != answers.Count)
            throw Platform.Web.DomainException.Invalid("answerCategories", "答复类别须写成“代码=名称”，代码不超过 10 个字符且不能重复。");
        if (AnswerMaxMonths < AnswerMonths)
            throw Platform.Web.DomainException.Invalid("answerMaxMonths", "最长答复期限不能短于答复期限。");
        CheckBasis("assignBasis", AssignBasis);
        CheckBasis("reassignBasis", ReassignBasis);
        CheckBasis("contactBasis", ContactBasis);
        CheckBasis("coViewsBasis", CoViewsBasis);
        CheckBasis("answerBasis", AnswerBasis);
        CheckBasis("ratingBasis", RatingBasis);
        CheckBasis("rehandleBasis", RehandleBasis);
        if (RatingReminderWorkingDays >= RatingWorkingDays)
            throw Platform.Web.DomainException.Invalid("ratingReminderWorkingDays", "评价提醒应早于评价期限届满。");
    }

}
