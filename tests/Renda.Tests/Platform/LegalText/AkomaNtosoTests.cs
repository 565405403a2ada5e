using System.Xml.Linq;
using Renda.Web.Platform.Documents;
using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Web;

namespace Renda.Tests.Platform.LegalText;

/// <summary>Akoma Ntoso output valid against the OASIS schema; Word documents read as lines.</summary>
public class AkomaNtosoTests
{
    private static readonly XNamespace Akn = AkomaNtosoWriter.Akn;
    private static readonly AknIdentity Identity = new("lenghu-2024", new DateOnly(2024, 5, 30), new DateOnly(2024, 5, 30), "青海省人民代表大会常务委员会");

    [Fact]
    public void A_structured_text_is_valid_Akoma_Ntoso_with_the_right_elements_and_eIds()
    {
        var doc = LegalTextParser.ParsePlain(LegalTextParserTests.Sample);
        var xml = AkomaNtosoWriter.Write(doc, Identity, new DateOnly(2026, 1, 1));

        AknSchema.Validate(xml).ShouldBeEmpty();
        var act = xml.Root!.Element(Akn + "act")!;
        act.Descendants(Akn + "docTitle").Single().Value.ShouldBe("青海省冷湖天文观测环境保护条例");
        act.Descendants(Akn + "FRBRWork").Single().Element(Akn + "FRBRuri")!.Attribute("value")!.Value.ShouldBe("/akn/cn/act/2024-05-30/lenghu-2024");
        act.Descendants(Akn + "FRBRlanguage").Single().Attribute("language")!.Value.ShouldBe("zho");
        act.Element(Akn + "body")!.Elements(Akn + "chapter").Select(c => (string?)c.Attribute("eId")).ShouldBe(["chp_1", "chp_2", "chp_u1"]);
        act.Descendants(Akn + "section").Select(s => (string?)s.Attribute("eId")).ShouldBe(["chp_2__sec_1", "chp_2__sec_2"]);
        act.Descendants(Akn + "article").Select(a => (string?)a.Attribute("eId")).ShouldBe(["art_1", "art_2", "art_3", "art_4", "art_5", "art_6"]);
        var points = act.Descendants(Akn + "point").Select(p => (string?)p.Attribute("eId")).ToList();
        points.ShouldContain("art_2__para_2__list_1__point_2__list_1__point_1");
        act.Descendants(Akn + "article").ElementAt(1).Element(Akn + "num")!.Value.ShouldBe("第二条");
    }

    [Fact]
    public void Books_parts_preamble_zhi_articles_appendices_and_unstructured_texts_are_valid_too()
    {
        var criminal = LegalTextParser.ParseMarkdown(File.ReadAllText(Path.Combine(SharedData.Laws, "刑法", "刑法.md")));
        var xml = AkomaNtosoWriter.Write(criminal, Identity with { WorkName = "xingfa" });
        AknSchema.Validate(xml).ShouldBeEmpty();
        xml.Descendants(Akn + "article").ShouldContain(a => (string?)a.Attribute("eId") == "art_120-1");
        xml.Descendants(Akn + "book").Count().ShouldBe(3);

        var civil = LegalTextParser.ParseMarkdown(File.ReadAllText(Path.Combine(SharedData.Laws, "民法典", "合同编.md")));
        AknSchema.Validate(AkomaNtosoWriter.Write(civil, Identity)).ShouldBeEmpty();

        var constitution = LegalTextParser.ParseMarkdown(File.ReadAllText(Path.Combine(SharedData.Laws, "宪法", "宪法.md")));
        var cx = AkomaNtosoWriter.Write(constitution, Identity);
        AknSchema.Validate(cx).ShouldBeEmpty();
        cx.Descendants(Akn + "preamble").Single().Elements(Akn + "p").Count().ShouldBeGreaterThan(5);

        var amendment = LegalTextParser.ParseMarkdown(File.ReadAllText(Path.Combine(SharedData.Laws, "刑法", "刑法修正案（七）.md")), allowUnstructured: true);
        AknSchema.Validate(AkomaNtosoWriter.Write(amendment, Identity)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_law_of_the_collection_is_valid_Akoma_Ntoso()
    {
        var invalid = new List<string>();
        foreach (var f in Directory.GetFiles(SharedData.Laws, "*.md", SearchOption.AllDirectories))
        {
            var doc = LegalTextParser.ParseMarkdown(File.ReadAllText(f), allowUnstructured: true, asPublished: true);
            var errors = AknSchema.Validate(AkomaNtosoWriter.WriteString(doc, Identity));
            if (errors.Count > 0) invalid.Add($"{Path.GetFileName(f)}: {string.Join("; ", errors.Take(3))}");
        }
        invalid.ShouldBeEmpty();
    }

    [Fact]
    public void The_schema_check_does_catch_an_invalid_document()
    {
        var noLanguage = AkomaNtosoWriter.Write(LegalTextParser.ParsePlain(LegalTextParserTests.Sample), Identity);
        noLanguage.Descendants(Akn + "FRBRlanguage").Single().Remove();
        AknSchema.Validate(noLanguage).ShouldHaveSingleItem().ShouldContain("FRBRlanguage");

        var textInArticle = AkomaNtosoWriter.Write(LegalTextParser.ParsePlain(LegalTextParserTests.Sample), Identity);
        textInArticle.Descendants(Akn + "article").First().Add(new XElement(Akn + "p", "条文外的文字"));
        AknSchema.Validate(textInArticle).ShouldNotBeEmpty();

        var duplicateEId = AkomaNtosoWriter.Write(LegalTextParser.ParsePlain(LegalTextParserTests.Sample), Identity);
        duplicateEId.Descendants(Akn + "article").ElementAt(1).SetAttributeValue("eId", "art_1");
        AknSchema.Validate(duplicateEId).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_Word_document_is_read_paragraph_by_paragraph_and_parsed()
    {
        var word = new WordDocument().Title("青海省冷湖天文观测环境保护条例");
        foreach (var line in LegalTextParserTests.Sample.Split('\n').Skip(1)) word.Paragraph(line);
        using var stream = new MemoryStream(word.ToBytes());

        var doc = LegalTextParser.ParseLines(DocxLines.Read(stream));

        doc.SameTextAs(LegalTextParser.ParsePlain(LegalTextParserTests.Sample)).ShouldBeTrue();
    }

    [Fact]
    public void A_file_that_is_not_a_Word_document_is_refused_with_a_clear_message()
    {
        using var stream = new MemoryStream("第一条 这不是 Word 文档。"u8.ToArray());
        var e = Should.Throw<DomainException>(() => DocxLines.Read(stream));
        e.Field.ShouldBe("file");
        e.Message.ShouldStartWith("文件不是 Word 文档（.docx）");
    }
}
