namespace Renda.Web.Features.Deputies;

/// <summary>Chinese names of the duty archive's states.</summary>
public static class DutyArchiveLabels
{
    public static string Of(DutyCorrectionStatus status) => status switch
    {
        DutyCorrectionStatus.Pending => "待处理",
        DutyCorrectionStatus.Accepted => "已更正",
        DutyCorrectionStatus.Rejected => "不予更正",
    };

    public static string Of(DutyReportStatus status) => status switch
    {
        DutyReportStatus.Draft => "草稿",
        DutyReportStatus.Submitted => "已提交",
        DutyReportStatus.Presented => "已述职",
    };

    /// <summary>Where a record came from, for the archive's link.</summary>
    public static string? LinkOf(string sourceType, int sourceId) => sourceType switch
    {
        "Meeting" => $"/meetings/{sourceId}",
        "Suggestion" => $"/suggestions/{sourceId}",
        "LawEnforcementInspection" => $"/supervision/inspections/{sourceId}",
        "Survey" => $"/supervision/surveys/{sourceId}",
        "Interpellation" => $"/supervision/interpellations/{sourceId}",
        "SpecialInquiry" => $"/supervision/inquiries/{sourceId}",
        "Bill" => $"/legislation/bills/{sourceId}",
        DutyReport.Subject => $"/deputies/duty-reports/{sourceId}",
        _ => null,
    };
}
