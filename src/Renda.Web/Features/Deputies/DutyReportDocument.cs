using Renda.Web.Platform.Documents;

namespace Renda.Web.Features.Deputies;

/// <summary>The duty report as a Word document in the official layout (GB/T 9704: A4, 小标宋 2号 title, 仿宋_GB2312 3号 body).</summary>
public static class DutyReportDocument
{
    public static byte[] Build(DutyReport report, string deputyName, string congressName)
    {
        var doc = new WordDocument(WordLayout.Official).Title(report.Title).Subtitle($"{congressName}代表 {deputyName}");
        foreach (var line in report.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            // The draft's numbered parts (一、二、三、) are the report's headings, in 黑体 as GB/T 9704 sets first-level headings.
            if (line.Length > 2 && "一二三四五六七八九十".Contains(line[0], StringComparison.Ordinal) && line[1] == '、')
                doc.Heading(line);
            else if (line.Length > 0)
                doc.Paragraph(line);
        }
        if (report.PresentedOn is { } on)
            doc.Paragraph($"（{on:yyyy年M月d日}在{report.StationName}述职；选民测评：满意 {report.Satisfied} 人，基本满意 {report.BasicallySatisfied} 人，不满意 {report.Dissatisfied} 人。）");
        return doc.ToBytes();
    }

    public static string FileName(DutyReport report, string deputyName) => $"{deputyName}{report.Year}年度述职报告.docx";
}
