using Renda.Web.Platform.LegalText;

namespace Renda.Tests.Platform.LegalText;

/// <summary>Inserting, deleting and moving articles, chapters and sections: numbering is right again, ids stay.</summary>
public class LegalTextEditsTests
{
    private static LegalDocument Sample() => LegalTextParser.ParsePlain(LegalTextParserTests.Sample);

    private static string[] Labels(LegalDocument doc) => doc.Articles().Select(a => a.Label + a.Children[0].Text[..2]).ToArray();

    [Fact]
    public void An_inserted_article_takes_its_place_and_the_following_ones_are_renumbered()
    {
        var doc = Sample();
        var second = doc.Articles().ElementAt(1);
        var ids = doc.Articles().Select(a => a.Id).ToList();

        var added = LegalTextEdits.InsertAfter(doc, second.Id, LegalTextEdits.NewArticle("新增条文。\n（一）甲；\n（二）乙。"));

        doc.Articles().Select(a => a.Label).ShouldBe(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条"]);
        added.Label.ShouldBe("第三条");
        added.Children[0].Children.Select(i => i.Label).ShouldBe(["（一）", "（二）"]);
        doc.Articles().ElementAt(3).Id.ShouldBe(ids[2]); // the old 第三条 is now 第四条 and keeps its id
        LegalTextWriter.ToPlainText(doc).ShouldContain("第四条 省人民政府应当加强");
        LegalTextParser.ParsePlain(LegalTextWriter.ToPlainText(doc)).SameTextAs(doc).ShouldBeTrue();
    }

    [Fact]
    public void A_deleted_article_leaves_no_gap()
    {
        var doc = Sample();
        LegalTextEdits.Delete(doc, doc.Articles().First().Id);
        Labels(doc).ShouldBe(["第一条本条", "第二条省人", "第三条禁止", "第四条违反", "第五条本条"]);
    }

    [Fact]
    public void A_moved_article_is_renumbered_where_it_lands()
    {
        var doc = Sample();
        var last = doc.Articles().Last();
        LegalTextEdits.MoveAfter(doc, last.Id, doc.Articles().First().Id);
        Labels(doc).ShouldBe(["第一条为了", "第二条本条", "第三条本条", "第四条省人", "第五条禁止", "第六条违反"]);
        doc.PathOf(last).Single().Label.ShouldBe("第一章");
        doc.Body[2].Children.ShouldBeEmpty(); // 附则 is now empty
    }

    [Fact]
    public void Chapters_and_sections_are_inserted_moved_and_deleted_with_their_articles()
    {
        var doc = Sample();
        var chapterTwo = doc.Body[1];
        var chapter = LegalTextEdits.InsertAfter(doc, doc.Body[0].Id, LegalTextEdits.NewDivision(LegalUnitKind.Chapter, "规划"));
        LegalTextEdits.InsertFirst(doc, chapter.Id, LegalTextEdits.NewArticle("编制规划。"));
        doc.Body.Select(c => c.Label + c.Heading).ShouldBe(["第一章总则", "第二章规划", "第三章保护措施", "附则"]);
        doc.Articles().Select(a => a.Label).ShouldBe(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条"]);
        doc.PathOf(doc.Articles().ElementAt(2)).Single().Id.ShouldBe(chapter.Id);

        // Move 第二节 before 第一节 of the (now third) chapter.
        var sectionTwo = chapterTwo.Children[1];
        LegalTextEdits.MoveFirst(doc, sectionTwo.Id, chapterTwo.Id);
        chapterTwo.Children.Select(s => s.Label + s.Heading).ShouldBe(["第一节光污染防治", "第二节一般规定"]);
        Labels(doc)[3..6].ShouldBe(["第四条禁止", "第五条违反", "第六条省人"]);

        // Move the whole chapter to the front: chapters and articles renumber.
        LegalTextEdits.MoveFirst(doc, chapterTwo.Id, null);
        doc.Body.Select(c => c.Label + c.Heading).ShouldBe(["第一章保护措施", "第二章总则", "第三章规划", "附则"]);
        doc.Articles().First().Children[0].Text.ShouldStartWith("禁止");

        LegalTextEdits.Delete(doc, chapterTwo.Id);
        doc.Body.Select(c => c.Label).ShouldBe(["第一章", "第二章", ""]);
        doc.Articles().Select(a => a.Label).ShouldBe(["第一条", "第二条", "第三条", "第四条"]);
        LegalTextParser.ParsePlain(LegalTextWriter.ToPlainText(doc)).SameTextAs(doc).ShouldBeTrue();
    }

    [Fact]
    public void Impossible_edits_are_refused()
    {
        var doc = Sample();
        var chapter = doc.Body[1];
        Should.Throw<InvalidOperationException>(() => LegalTextEdits.MoveFirst(doc, chapter.Id, chapter.Children[0].Id)).Message.ShouldBe("不能把一个单元移到它自身之中");
        Should.Throw<InvalidOperationException>(() => LegalTextEdits.InsertFirst(doc, doc.Articles().First().Id, LegalTextEdits.NewArticle("甲。")))
            .Message.ShouldBe("条不能放在条之中");
        Should.Throw<InvalidOperationException>(() => LegalTextEdits.InsertFirst(doc, chapter.Children[0].Id, LegalTextEdits.NewDivision(LegalUnitKind.Chapter, "乙")))
            .Message.ShouldBe("章不能放在节之中");
        Should.Throw<KeyNotFoundException>(() => LegalTextEdits.Delete(doc, "nope"));
    }

    [Fact]
    public void Zhi_articles_stay_attached_to_the_article_before_them_when_earlier_ones_move()
    {
        var doc = LegalTextParser.ParsePlain("某某法\n第一条 甲。\n第二条 乙。\n第二条之一 丙。\n第三条 丁。");
        LegalTextEdits.Delete(doc, doc.Articles().First().Id);
        doc.Articles().Select(a => a.Label).ShouldBe(["第一条", "第一条之一", "第二条"]);
    }

    [Fact]
    public void Chapters_numbered_through_the_text_stay_so_and_chapters_numbered_per_book_restart()
    {
        var through = LegalTextParser.ParsePlain("某某法\n第一编 总则\n第一章 甲\n第一条 a。\n第二章 乙\n第二条 b。\n第二编 分则\n第三章 丙\n第三条 c。");
        through.ChaptersThroughText.ShouldBeTrue();
        LegalTextEdits.Delete(through, through.Body[0].Children[0].Id);
        through.Body.SelectMany(b => b.Children).Select(c => c.Label).ShouldBe(["第一章", "第二章"]);

        var perBook = LegalTextParser.ParsePlain("某某法\n第一编 总则\n第一章 甲\n第一条 a。\n第二章 乙\n第二条 b。\n第二编 分则\n第一章 丙\n第三条 c。");
        perBook.ChaptersThroughText.ShouldBeFalse();
        LegalTextEdits.Delete(perBook, perBook.Body[0].Children[0].Id);
        perBook.Body.SelectMany(b => b.Children).Select(c => c.Label).ShouldBe(["第一章", "第一章"]);
    }
}
