using Renda.Web.Platform.Documents;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// The unit's formal 答复函 (issue #20 item 7), drafted from an answer recorded in Renda for the unit to print, have signed and
/// seal: the answer is "a formal document signed by the unit head" (DOMAIN.md §2). It is addressed to the lead deputy (and the
/// co-signers, who are answered through the lead), names the suggestion's number and title, carries the answer's text and its
/// category, the contact person, and leaves the unit's name above blank date and seal lines.
/// </summary>
public static class SuggestionDocuments
{
    public static async Task<(string Name, byte[] Bytes)> AnswerLetterAsync(RendaDbContext db, SuggestionActor actor, int id, int answerId, CancellationToken ct)
    {
        // Whoever may read the suggestion (and so its answers) may draft the letter; the detail applies the reading rules.
        var s = await SuggestionQueries.DetailAsync(db, actor, id, ct);
        var answer = s.Answers.FirstOrDefault(a => a.Id == answerId) ?? throw DomainException.NotFound("这件建议没有这份答复。");
        var row = await db.Set<SuggestionAnswer>().AsNoTracking().Where(a => a.Id == answerId).Select(a => new { a.AnsweredByAccountId }).FirstAsync(ct);
        var contact = await db.Accounts.AsNoTracking().Where(a => a.Id == row.AnsweredByAccountId).Select(a => a.DisplayName).FirstOrDefaultAsync(ct);
        var committee = await db.Congresses.AsNoTracking().Where(c => c.Code == s.CongressCode).Select(c => c.ShortName).FirstAsync(ct);
        var signers = s.Signers.Where(x => x.IsLead || x.Status == CoSignerStatus.Confirmed).Select(x => x.Name).Where(n => n.Length > 0).ToList();
        var lead = signers.FirstOrDefault() ?? "";
        var addressee = signers.Count > 1 ? $"{lead}等{signers.Count}位代表" : $"{lead}代表";
        var number = s.Number is null ? "" : $"第{s.Number}号";

        // Units often write the answer as the whole letter, salutation and thanks included: then it is not said twice.
        var text = answer.Text.Trim();
        var firstLine = text.Split('\n', 2)[0].Trim();
        var ownSalutation = firstLine.EndsWith('：') && firstLine.Contains("代表", StringComparison.Ordinal);
        var ownThanks = text.Contains("感谢", StringComparison.Ordinal);

        var doc = new WordDocument(WordLayout.Official)
            .RightAligned($"{answer.Category}类　签发人：{answer.SignedBy}")
            .Title(answer.Unit)
            .Title($"关于{(number.Length > 0 ? number : "")}代表建议的答复")
            .Paragraph("");
        if (!ownSalutation)
            doc.Paragraph($"{addressee}：", indent: false)
                .Paragraph($"您{(signers.Count > 1 ? "们" : "")}提出的《{s.Title}》（{(number.Length > 0 ? number : "代表建议")}）收悉。经认真研究，现答复如下：");
        foreach (var (line, i) in text.Split('\n').Select((l, i) => (l.Trim(), i)))
            doc.Paragraph(line, indent: !(ownSalutation && i == 0));
        doc.Paragraph($"办理结果：{answer.CategoryLabel}（{answer.Category}类）。");
        if (!ownThanks)
            doc.Paragraph("感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。");
        doc.Paragraph($"联系人：{contact ?? "　　　　"}　　联系电话：　　　　　　")
            .Paragraph("")
            .RightAligned($"{answer.Unit}（盖章）")
            .RightAligned("　　　　年　　月　　日")
            .Paragraph("")
            .Paragraph($"抄送：{committee}人大常委会代表工作机构", indent: false);
        var name = $"答复函-{(s.Number ?? s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))}-{answer.Unit}.docx";
        return (name, doc.ToBytes());
    }
}
