using System.Globalization;
using Renda.Web.Platform.Documents;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Meetings;

/// <summary>The meeting's papers in Word: agenda, attendance, results, minutes; and a vote's printable result sheet.</summary>
public static class MeetingDocuments
{
    public const string ContentType = WordDocument.ContentType;
    public static readonly string[] Kinds = ["agenda", "attendance", "results", "minutes"];

    public static async Task<(string Name, byte[] Bytes)> MeetingAsync(RendaDbContext db, MeetingActor actor, int id, string kind, CancellationToken ct)
    {
        var m = await MeetingQueries.DetailAsync(db, actor, id, ct);
        var dates = m.StartsOn == m.EndsOn ? $"{m.StartsOn:yyyy年M月d日}" : $"{m.StartsOn:yyyy年M月d日}至{m.EndsOn:M月d日}";
        var doc = new WordDocument();
        switch (kind)
        {
            case "agenda":
                doc.Title($"{m.Title}议程").Subtitle($"（{dates}，{m.Place}）");
                foreach (var a in m.Agenda)
                    doc.Paragraph($"{ChineseNumerals.Of(a.Order)}、{a.Title}");
                return ($"{m.Title}议程.docx", doc.ToBytes());
            case "attendance":
                doc.Title($"{m.Title}出席情况").Subtitle($"（{dates}）")
                    .Paragraph($"常委会组成人员 {m.SeatedMembers} 人，出席 {m.Present} 人，请假 {m.Attendance.Count(a => a.Status == AttendanceStatus.OnLeave)} 人，缺席 {m.Attendance.Count(a => a.Status == AttendanceStatus.Absent)} 人，{(m.Quorate ? "出席人数超过全体组成人员的半数，符合法定人数" : "出席人数未超过全体组成人员的半数，不足法定人数")}。")
                    .Heading("常委会组成人员")
                    .Table(["序号", "姓名", "职务", "出席情况", "备注"], m.Attendance.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), a.Name, a.Post, a.StatusLabel, a.Note ?? ""]), [2, 4, 8, 3, 5])
                    .Heading("列席人员")
                    .Table(["序号", "类别", "姓名", "单位或职务"], m.Attendees.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), a.KindLabel, a.Name, a.Organisation]), [2, 4, 4, 12]);
                return ($"{m.Title}出席情况.docx", doc.ToBytes());
            case "results":
                doc.Title($"{m.Title}表决结果").Subtitle($"（{dates}；全体组成人员 {m.SeatedMembers} 人）")
                    .Table(["序号", "表决事项", "方式", "赞成", "反对", "弃权", "结果"], m.Votes.Where(v => v.Status == VoteStatus.Closed).Select((v, i) => (IReadOnlyList<string>)[
                        (i + 1).ToString(CultureInfo.InvariantCulture), v.Title, v.Secret ? $"{v.KindLabel}（无记名）" : v.KindLabel,
                        N(v.Yes), N(v.No), N(v.Abstain), v.Passed == true ? "通过" : "未通过"]), [2, 12, 5, 2, 2, 2, 3])
                    .Paragraph(VoteWorkflow.PassingRule + "。");
                return ($"{m.Title}表决结果.docx", doc.ToBytes());
            case "minutes":
                doc.Title($"{m.Title}纪要").Subtitle($"（{dates}，{m.Place}）")
                    .Paragraph($"会议应到常委会组成人员 {m.SeatedMembers} 人，实到 {m.Present} 人，{(m.Quorate ? "符合法定人数" : "不足法定人数")}。")
                    .Heading("会议议题和结果");
                foreach (var a in m.Agenda)
                    doc.Paragraph($"{ChineseNumerals.Of(a.Order)}、{a.Title}：{a.OutcomeLabel}{(a.OutcomeNote is null ? "" : $"（{a.OutcomeNote}）")}。");
                doc.Heading("纪要").Paragraph(m.Minutes ?? "（尚未记录）");
                return ($"{m.Title}纪要.docx", doc.ToBytes());
            default:
                throw DomainException.NotFound($"没有“{kind}”这种会议文件；可用：{string.Join("、", Kinds)}。");
        }
    }

    /// <summary>A closed vote's result sheet; members' choices appear only for an open (roll-call) vote.</summary>
    public static async Task<(string Name, byte[] Bytes)> VoteResultAsync(RendaDbContext db, MeetingActor actor, int id, CancellationToken ct)
    {
        var v = await MeetingQueries.VoteAsync(db, actor, id, ct);
        if (v.Status != VoteStatus.Closed) throw DomainException.Conflict("表决结束后才能打印结果单。");
        var doc = new WordDocument().Title("表决结果单").Subtitle(v.MeetingTitle)
            .Paragraph($"表决事项：{v.Title}")
            .Paragraph($"表决方式：{v.KindLabel}{(v.Secret ? "（无记名）" : "（记名）")}；开始 {Local(v.OpenedAt)}，结束 {Local(v.ClosedAt)}")
            .Paragraph($"全体组成人员 {v.SeatedMembers} 人，表决开始时出席 {v.PresentMembers} 人。")
            .Paragraph($"赞成 {v.Yes} 票，反对 {v.No} 票，弃权 {v.Abstain} 票，出席未按表决器 {v.PresentNotVoting} 人，未出席 {v.Absent} 人。")
            .Paragraph($"表决结果：{(v.Passed == true ? "通过" : "未通过")}（{VoteWorkflow.PassingRule}）。", bold: true);
        if (v.Appointments.Count > 0) doc.Heading("任免事项").Table(["序号", "事项"], v.Appointments.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), a]), [1, 9]);
        // The roll call as the vote page shows it: every seated member and how they voted (a secret vote: only whether they did).
        doc.Heading(v.Secret ? "投票情况（无记名投票，只记录是否投票）" : "记名表决情况")
            .Table(["序号", "姓名", "表决情况"], v.Members.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), m.Name, m.ResultLabel ?? ""]), [1, 4, 4])
            .Paragraph($"选票校验值（SHA-256）：{v.BallotDigest}");
        return ($"表决结果单-{v.Id}.docx", doc.ToBytes());
    }

    private static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Local(DateTime? t) => t is { } x ? x.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
