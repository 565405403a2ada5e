using Renda.Web.Platform.Search;

namespace Renda.Tests.Platform.Search;

/// <summary>Normalising, bigram tokenizing, scoring and finding shared passages in Chinese text.</summary>
public class ChineseTextTests
{
    [Fact]
    public void A_run_of_Chinese_becomes_overlapping_bigrams()
        => ChineseText.Tokenize("冷湖天文").ShouldBe(["冷湖", "湖天", "天文"]);

    [Fact]
    public void Letters_and_digits_are_words_and_end_a_Chinese_run()
        => ChineseText.Tokenize("G109国道格尔木段").ShouldBe(["g109", "国道", "道格", "格尔", "尔木", "木段"]);

    [Fact]
    public void A_lone_Chinese_character_is_a_unigram()
        => ChineseText.Tokenize("第3届、县 乡").ShouldBe(["第", "3", "届", "县", "乡"]);

    [Fact]
    public void Punctuation_and_spaces_end_a_run_and_are_not_tokens()
        => ChineseText.Tokenize("冷湖，天文。 暗夜（保护）").ShouldBe(["冷湖", "天文", "暗夜", "保护"]);

    [Fact]
    public void Full_width_forms_fold_to_half_width_and_ASCII_is_lower_cased()
    {
        ChineseText.Tokenize("ＧＢ／Ｔ　５０１０５标准").ShouldBe(["gb", "t", "50105", "标准"]);
        ChineseText.Normalize("Ｇ１０９国道，全长 2660 公里。").ShouldBe("g109国道全长2660公里");
        ChineseText.Tokenize("").ShouldBeEmpty();
        ChineseText.Tokenize("，。！？ …").ShouldBeEmpty();
    }

    [Fact]
    public void A_searched_text_needs_only_the_tokens_every_text_containing_it_has()
    {
        // Bigrams always; words only with a boundary on both sides inside the text ("g10" may be part of "g109").
        ChineseText.ContainedTokens("冷湖天文").ShouldBe(["冷湖", "湖天", "天文"]);
        ChineseText.ContainedTokens("G109国道").ShouldBe(["国道"]);
        ChineseText.ContainedTokens("沿G109国道").ShouldBe(["g109", "国道"]);
        ChineseText.ContainedTokens("冷湖，天文").ShouldBe(["冷湖", "天文"]);
        // A lone character may sit inside a run in the longer text, where it is part of bigrams only.
        ChineseText.ContainedTokens("湖").ShouldBeEmpty();
        ChineseText.ContainedTokens("2025-013").ShouldBeEmpty();
        foreach (var (text, longer) in new[] { ("冷湖天文", "在冷湖天文观测基地"), ("沿G109国道", "沿G109国道格尔木段"), ("冷湖，天文", "冷湖，天文观测") })
            ChineseText.ContainedTokens(text).Except(ChineseText.Tokenize(longer)).ShouldBeEmpty();
    }

    [Fact]
    public void Words_of_other_scripts_keep_their_marks()
        => ChineseText.Tokenize("Café 海西").ShouldBe(["café", "海西"]);

    [Fact]
    public void Similarity_is_the_Dice_coefficient_over_bigrams()
    {
        ChineseText.Similarity("冷湖天文观测", "冷湖天文观测").ShouldBe(1.0);
        ChineseText.Similarity("冷湖天文观测", "木里矿区修复").ShouldBe(0.0);
        // 冷湖 湖天 天文 | 冷湖 湖镇: one shared of 3 + 2 tokens.
        ChineseText.Similarity("冷湖天文", "冷湖镇").ShouldBe(2.0 / 5, 1e-9);
        ChineseText.Similarity("冷湖镇", "冷湖天文").ShouldBe(ChineseText.Similarity("冷湖天文", "冷湖镇"));
        // Punctuation and width do not count.
        ChineseText.Similarity("Ｇ１０９国道改扩建。", "G109国道改扩建").ShouldBe(1.0);
        ChineseText.Similarity("", "冷湖").ShouldBe(0.0);
    }

    [Theory]
    [InlineData(SearchIndexTests.DarkSky, SearchIndexTests.DarkSkyRewritten)]
    [InlineData(SearchIndexTests.DarkSky, SearchIndexTests.MineRestoration)]
    [InlineData("G109国道改扩建工程 phase2 第3届", "改扩建G109 Phase2，第３届")]
    public void Counting_by_keys_gives_the_same_score_as_counting_the_tokens(string a, string b)
    {
        var byTokens = ChineseText.Similarity(ChineseText.Count(ChineseText.Tokenize(a)), ChineseText.Count(ChineseText.Tokenize(b)));
        ChineseText.Similarity(a, b).ShouldBe(byTokens, 1e-12);
        ChineseText.CountKeys(a).Values.Sum().ShouldBe(ChineseText.Tokenize(a).Count);
        ChineseText.CountKeys(a).Count.ShouldBe(ChineseText.Tokenize(a).Distinct().Count());
    }

    [Fact]
    public void Overlaps_are_mapped_to_the_original_offsets_of_full_width_text()
    {
        var a = "建议改扩建Ｇ１０９国道格尔木段。";
        var b = "关于G109国道格尔木段改扩建的建议";
        var overlap = ChineseText.Overlaps(a, b).ShouldHaveSingleItem(); // 改扩建 and 建议 are shorter than 4
        a.Substring(overlap.InA.Start, overlap.InA.Length).ShouldBe("Ｇ１０９国道格尔木段");
        b.Substring(overlap.InB.Start, overlap.InB.Length).ShouldBe("G109国道格尔木段");
    }

    [Fact]
    public void An_overlap_runs_across_punctuation_and_the_longest_passages_are_taken_first()
    {
        var a = "建议划定暗夜保护区，规范户外照明。另外，加强冷湖天文观测基地建设。";
        var b = "加强冷湖天文观测基地建设；我们建议：划定暗夜保护区、规范户外照明。";
        var overlaps = ChineseText.Overlaps(a, b);
        overlaps.Select(o => a.Substring(o.InA.Start, o.InA.Length)).ShouldBe(["建议划定暗夜保护区，规范户外照明", "加强冷湖天文观测基地建设"]);
        overlaps.Select(o => b.Substring(o.InB.Start, o.InB.Length)).ShouldBe(["建议：划定暗夜保护区、规范户外照明", "加强冷湖天文观测基地建设"]);
    }

    [Fact]
    public void No_overlap_shorter_than_the_minimum_and_none_used_twice()
    {
        ChineseText.Overlaps("冷湖天文", "天文冷湖").ShouldBeEmpty();
        ChineseText.Overlaps("冷湖天文", "天文冷湖", minChars: 2).Count.ShouldBe(2);
        // The passage occurs twice in b but once in a: it is tiled once.
        ChineseText.Overlaps("暗夜保护区", "暗夜保护区和暗夜保护区").ShouldHaveSingleItem().InB.Start.ShouldBe(0);
    }

    [Fact]
    public void Highlight_marks_the_spans_and_encodes_the_rest()
    {
        var text = "<b>冷湖</b>天文观测";
        var start = text.IndexOf("天文", StringComparison.Ordinal);
        ChineseText.Highlight(text, [new TextSpan(start, 4), new TextSpan(start + 2, 2)])
            .ShouldBe("&lt;b&gt;冷湖&lt;/b&gt;<mark>天文观测</mark>");
    }
}
