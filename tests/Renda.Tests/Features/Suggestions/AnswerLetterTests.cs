using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;

namespace Renda.Tests.Features.Suggestions;

/// <summary>Issue #20 item 7: Renda drafts the unit's formal 答复函 from an answer, for the unit to sign and seal.</summary>
public abstract class AnswerLetterTests(RendaApp app)
{
    [Fact]
    public async Task The_unit_downloads_a_letter_addressed_to_the_deputy_with_the_answer_its_category_and_places_for_the_seal()
    {
        int suggestionId, answerId;
        string number, title, text, signedBy, category, lead, contact;
        await using (var scope = app.Db())
        {
            var db = scope.Context;
            var education = await db.HandlingUnits.Where(u => u.Name == "海西州教育局").Select(u => u.Id).SingleAsync();
            var answer = await db.Set<SuggestionAnswer>().Where(a => a.HandlingUnitId == education).OrderBy(a => a.Id).FirstAsync();
            var s = await db.Set<Suggestion>().SingleAsync(x => x.Id == answer.SuggestionId);
            (suggestionId, answerId, number, title, text, signedBy, category) = (s.Id, answer.Id, s.Number!, s.Title, answer.Text, answer.SignedBy, answer.Category);
            lead = await db.Deputies.Where(d => d.Id == s.LeadDeputyId).Select(d => d.Person!.Name).SingleAsync();
            contact = await db.Accounts.Where(a => a.Id == answer.AnsweredByAccountId).Select(a => a.DisplayName).SingleAsync();
        }

        var unit = await app.ApiClientAsync("jiaoyuju");
        var response = await unit.GetAsync($"/api/v1/suggestions/{suggestionId}/answers/{answerId}/letter.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"答复函-{number}-海西州教育局.docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var lines = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        lines.ShouldContain($"{category}类　签发人：{signedBy}");
        lines.ShouldContain("海西州教育局");
        lines.ShouldContain($"关于第{number}号代表建议的答复");
        // Addressed to the lead deputy once (the demo's answers carry their own salutation, which the letter does not repeat).
        lines.Count(l => l.EndsWith("代表：", StringComparison.Ordinal) && l.StartsWith(lead, StringComparison.Ordinal)).ShouldBe(1, "addressed to the lead deputy");
        lines.ShouldContain(l => l.Contains($"《{title}》", StringComparison.Ordinal));
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            lines.ShouldContain(line);
        lines.Count(l => l.Contains("感谢", StringComparison.Ordinal)).ShouldBe(1);
        lines.ShouldContain(l => l.StartsWith("办理结果：", StringComparison.Ordinal) && l.Contains($"（{category}类）", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith($"联系人：{contact}", StringComparison.Ordinal));
        lines.ShouldContain("海西州教育局（盖章）");
        lines.ShouldContain("　　　　年　　月　　日");
        // The unit and the date stand at the right margin, above the seal.
        word.MainDocumentPart.Document.Body.Elements<Paragraph>().Single(p => p.InnerText == "海西州教育局（盖章）")
            .ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);

        (await unit.GetAsync($"/api/v1/suggestions/{suggestionId}/answers/999999/letter.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await (await app.BrowserClientAsync("daigongwei")).GetStringAsync($"/suggestions/{suggestionId}");
        page.ShouldContain($"/api/v1/suggestions/{suggestionId}/answers/{answerId}/letter.docx");
        // A deputy reads the answer; the letter is the unit's to sign, not offered to the deputy.
        var deputyPage = await (await app.BrowserClientAsync("daibiao")).GetAsync($"/suggestions/{suggestionId}");
        if (deputyPage.StatusCode == HttpStatusCode.OK)
            (await deputyPage.Content.ReadAsStringAsync()).ShouldNotContain("answer-letter");
    }
}

public sealed class AnswerLetterTests_Sqlite(SqliteApp app) : AnswerLetterTests(app), IClassFixture<SqliteApp>;
public sealed class AnswerLetterTests_Postgres(PostgresApp app) : AnswerLetterTests(app), IClassFixture<PostgresApp>;
