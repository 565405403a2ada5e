using Renda.Web.Platform.LegalText;
using Renda.Web.Platform.Organisations;

namespace Renda.Tests.Platform.LegalText;

/// <summary>Reading structured Chinese legal texts (plain and Markdown), their faults with place, numerals, and writing them back.</summary>
public class LegalTextParserTests
{
    internal const string Sample = """
        青海省冷湖天文观测环境保护条例
        （2024年5月30日青海省第十四届人民代表大会常务委员会第九次会议通过）
        第一章 总则
        第一条 为了保护冷湖天文观测环境，制定本条例。
        第二条 本条例适用于本省行政区域内天文观测环境的保护。
        本条例所称天文观测环境，是指下列环境：
        （一）暗夜环境；
        （二）电磁环境，包括：
        1. 无线电频谱；
        2. 雷达信号；
        （三）大气环境。
        第二章 保护措施
        第一节 一般规定
        第三条 省人民政府应当加强对天文观测环境保护工作的领导。
        第二节 光污染防治
        第四条 禁止在保护区内设置强光源。
        第五条 违反本条例规定的，依法追究责任。
        附则
        第六条 本条例自2024年7月1日起施行。
        """;

    [Theory]
    [InlineData("十", 10)]
    [InlineData("二十", 20)]
    [InlineData("一百零九", 109)]
    [InlineData("一百一十", 110)]
    [InlineData("一千零一十", 1010)]
    [InlineData("一千二百六十", 1260)]
    [InlineData("两百", 200)]
    [InlineData("〇", 0)]
    public void Chinese_numerals_are_read(string text, int value) => ChineseNumerals.Parse(text).ShouldBe(value);

    [Theory]
    [InlineData("")]
    [InlineData("二三")]
    [InlineData("百")]
    [InlineData("十十")]
    [InlineData("一百百")]
    [InlineData("第一")]
    public void Non_numerals_are_refused(string text) => ChineseNumerals.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Numerals_read_back_what_they_write_below_ten_thousand()
    {
        for (var n = 0; n < 10000; n++) ChineseNumerals.Parse(ChineseNumerals.Of(n)).ShouldBe(n, ChineseNumerals.Of(n));
        ChineseNumerals.Of(109).ShouldBe("一百零九");
        ChineseNumerals.Of(20).ShouldBe("二十");
        ChineseNumerals.Of(10).ShouldBe("十");
    }

    [Fact]
    public void A_plain_text_becomes_chapters_sections_articles_paragraphs_items_and_subitems()
    {
        var doc = LegalTextParser.ParsePlain(Sample);

        doc.Title.ShouldBe("青海省冷湖天文观测环境保护条例");
        doc.History.ShouldBe(["2024年5月30日青海省第十四届人民代表大会常务委员会第九次会议通过"]);
        doc.Body.Select(n => (n.Kind, n.Number, n.Heading)).ShouldBe([
            (LegalUnitKind.Chapter, 1, "总则"), (LegalUnitKind.Chapter, 2, "保护措施"), (LegalUnitKind.Chapter, 0, "附则")]);
        doc.Articles().Select(a => a.Label).ShouldBe(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]);
        doc.Body[1].Children.Select(s => s.Label).ShouldBe(["第一节", "第二节"]);
        doc.PathOf(doc.Articles().ElementAt(4)).Select(d => d.Label).ShouldBe(["第二章", "第二节"]);

        var second = doc.Articles().ElementAt(1);
        second.Children.Select(p => p.Text).ShouldBe(["本条例适用于本省行政区域内天文观测环境的保护。", "本条例所称天文观测环境，是指下列环境："]);
        var items = second.Children[1].Children;
        items.Select(i => (i.Label, i.Text)).ShouldBe([("（一）", "暗夜环境；"), ("（二）", "电磁环境，包括："), ("（三）", "大气环境。")]);
        items[1].Children.Select(s => (s.Label, s.Text)).ShouldBe([("1.", "无线电频谱；"), ("2.", "雷达信号；")]);
        doc.Nodes().Select(n => n.Id).Distinct().Count().ShouldBe(doc.Nodes().Count());
    }

    [Fact]
    public void Writing_a_text_and_reading_it_again_gives_the_same_text()
    {
        var doc = LegalTextParser.ParsePlain(Sample);
        var again = LegalTextParser.ParsePlain(LegalTextWriter.ToPlainText(doc));
        again.SameTextAs(doc).ShouldBeTrue(LegalTextWriter.ToPlainText(again));
        LegalTextWriter.LinesOf(doc.Articles().ElementAt(1)).First().ShouldBe("第二条 本条例适用于本省行政区域内天文观测环境的保护。");
    }

    [Fact]
    public void A_text_without_articles_is_refused_with_its_place()
    {
        var e = Should.Throw<LegalTextException>(() => LegalTextParser.ParsePlain("某某条例\n\n为了保护环境，制定本条例。\n本条例自公布之日起施行。"));
        e.Errors.Single().ShouldBe(new LegalTextError(3, "为了保护环境，制定本条例。", "没有条文：文本中找不到“第一条”这样的条文"));
    }

    [Fact]
    public void Duplicate_and_skipped_article_numbers_are_each_reported_with_line_and_text()
    {
        var e = Should.Throw<LegalTextException>(() => LegalTextParser.ParsePlain("""
            某某条例
            第一条 甲。
            第二条 乙。
            第二条 丙。
            第三条 丁。
            第五条 戊。
            """));
        e.Errors.ShouldBe([
            new LegalTextError(4, "第二条 丙。", "条文序号重复：第二条（第3行已有第二条）"),
            new LegalTextError(6, "第五条 戊。", "条文序号不连续：第三条之后是第五条"),
        ]);
        e.Message.ShouldContain("第6行");
    }

    [Fact]
    public void Skipped_and_duplicate_chapters_and_sections_are_reported()
    {
        var e = Should.Throw<LegalTextException>(() => LegalTextParser.ParsePlain("""
            某某条例
            第一章 总则
            第一条 甲。
            第三章 管理
            第一节 一般规定
            第二条 乙。
            第一节 特别规定
            第三条 丙。
            """));
        e.Errors.Select(x => (x.Line, x.Message)).ShouldBe([
            (4, "序号不连续：第一章之后是第三章"),
            (7, "第一节重复（第5行已有第一节）"),
        ]);
    }

    [Fact]
    public void Numbering_may_start_further_on_and_articles_may_be_inserted_with_zhi()
    {
        var doc = LegalTextParser.ParsePlain("某某修正案\n第三十二条 甲。\n第三十三条 乙。\n第三十三条之一 丙。\n第三十三条之二 丁。\n第三十四条 戊。");
        doc.FirstArticleNumber.ShouldBe(32);
        doc.Articles().Select(a => a.Label).ShouldBe(["第三十二条", "第三十三条", "第三十三条之一", "第三十三条之二", "第三十四条"]);
        Should.Throw<LegalTextException>(() => LegalTextParser.ParsePlain("某某\n第一条 甲。\n第一条之二 乙。"))
            .Errors.Single().Message.ShouldBe("条文序号不连续：第一条之后是第一条之二");
    }

    [Fact]
    public void A_table_of_contents_before_the_body_is_skipped()
    {
        var doc = LegalTextParser.ParsePlain("某某法\n目录\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。");
        doc.Body.Select(c => c.Label).ShouldBe(["第一章", "第二章"]);
        doc.Articles().Count().ShouldBe(2);
    }

    /// <summary>A local regulation in the collection's Markdown, as published with its own layout.</summary>
    internal static string Published(string body) =>
        $"# 某某市物业管理条例\n\n2021年6月1日 某某市第十六届人民代表大会常务委员会第三十次会议通过\n\n<!-- INFO END -->\n\n{body}\n";

    [Fact]
    public void A_published_text_keeps_missing_and_skipped_heading_numbers_as_printed_with_a_warning_a_draft_is_refused()
    {
        // The source omitted 第一章 (articles before the first heading), skips 第三章, and its first section is 第二节.
        var body = """
            第一条 为了规范物业管理活动，制定本条例。

            第二条 本条例适用于本市行政区域内的物业管理活动。

            ## 第二章　业主和业主大会

            ### 第二节　业主大会

            第三条 业主大会由全体业主组成。

            ## 第四章　附　则

            第四条 本条例自2021年9月1日起施行。
            """;
        var doc = LegalTextParser.ParseMarkdown(Published(body), asPublished: true);

        doc.Body.Select(n => n.Label).ShouldBe(["第一条", "第二条", "第二章", "第四章"]);
        doc.Body[2].Children.Single().Label.ShouldBe("第二节");
        doc.Articles().Select(a => a.Label).ShouldBe(["第一条", "第二条", "第三条", "第四条"]);
        doc.Faults.Select(f => (f.Line, f.Message)).ShouldBe([
            (11, "序号不连续：第一个章是第二章"), (13, "序号不连续：第一个节是第二节"), (17, "序号不连续：第二章之后是第四章")]);
        doc.Faults[0].ToString().ShouldBe("第11行“第二章　业主和业主大会”：序号不连续：第一个章是第二章");

        // The same faults in a bill being drafted (plain text, Markdown read strictly) are still errors.
        Should.Throw<LegalTextException>(() => LegalTextParser.ParseMarkdown(Published(body))).Errors.Count.ShouldBe(3);
        Should.Throw<LegalTextException>(() => LegalTextParser.ParsePlain("某某条例\n第一条 甲。\n第二章 乙\n第二条 丙。\n第四章 丁\n第三条 戊。"))
            .Errors.Select(e => e.Message).ShouldBe(["序号不连续：第一个章是第二章", "序号不连续：第二章之后是第四章"]);
        Should.Throw<LegalTextException>(() => LegalTextParser.ParsePlain("某某条例\n第一条 甲。\n第三条 丙。"))
            .Errors.Single().Message.ShouldBe("条文序号不连续：第一条之后是第三条");
    }

    [Fact]
    public void A_published_text_with_a_skipped_or_repeated_number_is_read_but_two_articles_with_one_number_are_refused()
    {
        var gaps = LegalTextParser.ParseMarkdown(Published("第一条 甲。\n\n第三条 丙。\n\n## 第一章 乙\n\n第四条 丁。\n\n## 第一章 丁\n\n第五条 戊。"), asPublished: true);
        gaps.Articles().Select(a => a.Label).ShouldBe(["第一条", "第三条", "第四条", "第五条"]);
        gaps.Faults.Select(f => f.Message).ShouldBe(["条文序号不连续：第一条之后是第三条", "第一章重复（第11行已有第一章）"]);
        // A repeated chapter number keeps the Akoma Ntoso eIds unique.
        var akn = AkomaNtosoWriter.Write(gaps, new AknIdentity("gaps", new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 1)));
        AknSchema.Validate(akn).ShouldBeEmpty();
        akn.Descendants(AkomaNtosoWriter.Akn + "chapter").Select(c => (string?)c.Attribute("eId")).ShouldBe(["chp_1", "chp_1-2"]);

        var e = Should.Throw<LegalTextException>(() => LegalTextParser.ParseMarkdown(Published("第一条 甲。\n\n第二条 乙。\n\n第二条 丙。"), asPublished: true));
        e.Errors.Single().ShouldBe(new LegalTextError(11, "第二条 丙。", "条文序号重复：第二条（第9行已有第二条）"));
    }

    [Fact]
    public void A_table_of_contents_of_Markdown_headings_before_the_body_is_skipped()
    {
        var body = """
            ## 第一章　总　则

            ## 第二章　物业服务

            ### 第一节　一般规定

            ## 第三章　附　则

            ## 第一章　总　则

            第一条 为了规范物业管理活动，制定本条例。

            ## 第二章　物业服务

            ### 第一节　一般规定

            第二条 物业服务人应当按照约定提供服务。

            ## 第三章　附　则

            第三条 本条例自2021年9月1日起施行。
            """;
        // Read strictly: the headings of the contents are not taken for a body with empty chapters and repeated numbers.
        var doc = LegalTextParser.ParseMarkdown(Published(body));
        doc.Faults.ShouldBeEmpty();
        doc.Body.Select(n => (n.Label, n.Children.Count)).ShouldBe([("第一章", 1), ("第二章", 1), ("第三章", 1)]);
        doc.Body[1].Children.Single().Children.Single().Label.ShouldBe("第二条");
        // With a 目录 line before it too; a text whose headings do not repeat has no contents to skip.
        LegalTextParser.ParseMarkdown(Published("目录\n\n" + body)).Preamble.ShouldBeEmpty();
        LegalTextParser.ParseMarkdown(Published("## 第一章 总则\n\n### 第一节 甲\n\n第一条 甲。")).Body.Single().Children.Single().Children.Single().Label.ShouldBe("第一条");
    }

    [Fact]
    public void The_Civil_Code_numbers_chapters_through_its_parts_and_starts_at_its_own_first_article()
    {
        var doc = LegalTextParser.ParseMarkdown(File.ReadAllText(Path.Combine(SharedData.Laws, "民法典", "合同编.md")));
        doc.Title.ShouldBe("中华人民共和国民法典 合同编");
        doc.History.ShouldContain("2020年5月28日 第十三届全国人民代表大会第三次会议通过");
        doc.FirstArticleNumber.ShouldBe(463);
        doc.Body.Select(p => p.Kind).Distinct().ShouldBe([LegalUnitKind.Part]);
        doc.Body[1].Children[0].Label.ShouldBe("第九章");
        doc.Articles().Last().Label.ShouldBe("第九百八十八条");
    }

    [Fact]
    public void The_Criminal_Law_keeps_its_zhi_articles_its_supplementary_provisions_and_appendices()
    {
        var doc = LegalTextParser.ParseMarkdown(File.ReadAllText(Path.Combine(SharedData.Laws, "刑法", "刑法.md")));
        doc.Articles().ShouldContain(a => a.Label == "第一百二十条之一");
        doc.Body.Select(b => (b.Kind, b.Label, b.Heading)).ShouldBe([
            (LegalUnitKind.Book, "第一编", "总则"), (LegalUnitKind.Book, "第二编", "分则"), (LegalUnitKind.Book, "", "附则")]);
        doc.Body[2].Children.Single().Label.ShouldBe("第四百五十二条");
        doc.Appendices.Select(a => a.Heading).ShouldBe(["附件一", "附件二"]);
        doc.Appendices[0].Lines.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_Constitution_has_its_preamble()
    {
        var doc = LegalTextParser.ParseMarkdown(File.ReadAllText(Path.Combine(SharedData.Laws, "宪法", "宪法.md")));
        doc.PreambleHeaded.ShouldBeTrue();
        doc.Preamble[0].ShouldStartWith("中国是世界上历史最悠久的国家之一。");
        doc.Articles().First().Label.ShouldBe("第一条");
        doc.History.Count.ShouldBe(7);
    }

    [Fact]
    public void Markdown_without_articles_is_refused_unless_blocks_are_allowed()
    {
        const string md = "# 某某决定\n\n<!-- INFO END -->\n\n一、甲。\n\n二、乙。\n";
        Should.Throw<LegalTextException>(() => LegalTextParser.ParseMarkdown(md)).Errors.Single().Line.ShouldBe(5);
        var doc = LegalTextParser.ParseMarkdown(md, allowUnstructured: true);
        doc.HasArticles.ShouldBeFalse();
        doc.Body.Select(b => b.Text).ShouldBe(["一、甲。", "二、乙。"]);
        Should.Throw<LegalTextException>(() => LegalTextParser.ParseMarkdown("# 空\n\n<!-- INFO END -->\n\n", allowUnstructured: true))
            .Errors.Single().Message.ShouldBe("没有正文：文本中没有任何条文");
    }

    /// <summary>A 第N条 line at the start of a line, as a reader counts them, independently of the parser.</summary>
    internal static readonly System.Text.RegularExpressions.Regex ArticleHeading =
        new(@"^[\s\u3000\u200b]*[第笫][零〇一二两三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?(\s|$)", System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>The deepest node where two bodies differ, for a readable failure.</summary>
    private static string Difference(List<LegalNode> a, List<LegalNode> b)
    {
        if (a.Count != b.Count) return $"{a.Count} nodes vs {b.Count}: [{string.Join(" / ", a.Select(n => n.ToString()))}] vs [{string.Join(" / ", b.Select(n => n.ToString()))}]";
        foreach (var (x, y) in a.Zip(b))
        {
            if (x.SameTextAs(y)) continue;
            if (x.Children.Count > 0 && (x.Kind, x.Number, x.Suffix, x.Heading, x.Text) == (y.Kind, y.Number, y.Suffix, y.Heading, y.Text)) return $"in {x}: " + Difference(x.Children, y.Children);
            return $"{x.Kind} {x.Number} {x.Suffix} [{x.Heading}] [{x.Text}] vs {y.Kind} {y.Number} {y.Suffix} [{y.Heading}] [{y.Text}]";
        }
        return "?";
    }

    [Fact]
    public void Every_law_of_the_collection_is_read_keeps_all_its_articles_and_round_trips_through_plain_text()
    {
        var files = Directory.GetFiles(SharedData.Laws, "*.md", SearchOption.AllDirectories);
        files.Length.ShouldBe(1044);
        var failures = new List<string>();
        var faulty = 0;
        foreach (var f in files)
        {
            var text = File.ReadAllText(f);
            try
            {
                // The collection has numbering gaps of its own (a missing 第一章 heading, a missing article): read as published, counted.
                var doc = LegalTextParser.ParseMarkdown(text, allowUnstructured: true, asPublished: true);
                if (doc.Faults.Count > 0) faulty++;
                var headings = ArticleHeading.Count(text);
                // An amendment quoting the articles it adds keeps those lines as wording: each 第N条 line is an article or quoted.
                var quoted = doc.Nodes().Count(n => n.Kind == LegalUnitKind.Paragraph && ArticleHeading.IsMatch(n.Text));
                if (doc.Articles().Count() + quoted != headings) failures.Add($"{f}: {doc.Articles().Count()} + {quoted} != {headings}");
                if (doc.HasArticles)
                {
                    var plain = LegalTextWriter.ToPlainText(doc);
                    var again = LegalTextParser.ParsePlain(plain, asPublished: true);
                    if (!again.SameTextAs(doc))
                    {
                        failures.Add($"{f}: round trip differs: {Difference(doc.Body, again.Body)}");
                    }
                }
            }
            catch (LegalTextException e)
            {
                failures.Add($"{f}: {e.Message}");
            }
        }
        failures.ShouldBeEmpty();
        faulty.ShouldBeLessThan(40);
    }
}
