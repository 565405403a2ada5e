using Renda.Web.Features.Legislation;

namespace Renda.Tests.Features.Legislation;

/// <summary>The alignment of two versions' articles, without the database: ids first, then wording, then similarity.</summary>
public sealed class ComparisonTableTests
{
    private static ComparedArticle A(string id, int n, string text) => new(id, n, $"第{n}条", text);

    [Fact]
    public void A_moved_article_is_the_one_off_the_longest_run_kept_in_order_and_renumbering_alone_is_no_change()
    {
        var olds = new[] { A("a", 1, "甲甲甲甲"), A("b", 2, "乙乙乙乙"), A("c", 3, "丙丙丙丙"), A("d", 4, "丁丁丁丁") };
        var news = new[] { A("n", 1, "新新新新"), A("a", 2, "甲甲甲甲"), A("c", 3, "丙丙丙丙"), A("d", 4, "丁丁丁丁"), A("b", 5, "乙乙乙乙") };
        var rows = ComparisonTable.Compare(olds, news);
        rows.Select(r => (r.Key, r.Kind)).ShouldBe([("n", ChangeKind.Inserted), ("a", ChangeKind.Unchanged), ("c", ChangeKind.Unchanged), ("d", ChangeKind.Unchanged), ("b", ChangeKind.Moved)]);
        rows[1].OldNumber.ShouldBe(1);
        rows[1].NewNumber.ShouldBe(2);
    }

    [Fact]
    public void Without_shared_ids_similar_articles_pair_and_dissimilar_ones_are_deleted_and_inserted_in_old_order()
    {
        var olds = new[]
        {
            A("o1", 1, "为了促进城市绿化事业发展，改善生态环境，制定本条例。"),
            A("o2", 2, "本条例自公布之日起施行。"),
            A("o3", 3, "禁止在城市绿地内倾倒垃圾。"),
        };
        var news = new[]
        {
            A("x1", 1, "为了促进城市绿化事业发展，改善人居环境，制定本条例。"),
            A("x2", 2, "养犬应当拴绳。"),
            A("x3", 3, "本条例自公布之日起施行。"),
        };
        var rows = ComparisonTable.Compare(olds, news);
        rows.Select(r => r.Kind).ShouldBe([ChangeKind.Changed, ChangeKind.Inserted, ChangeKind.Unchanged, ChangeKind.Deleted]);
        rows[0].Similarity!.Value.ShouldBeGreaterThan(ComparisonTable.MinSimilarity);
        rows[0].OldSpans.ShouldBe([new CharSpan(15, 2)]); // 生态
        rows[0].NewSpans.ShouldBe([new CharSpan(15, 2)]); // 人居
        rows[3].OldText.ShouldBe("禁止在城市绿地内倾倒垃圾。");
    }

    [Fact]
    public void Character_spans_cover_insertions_and_deletions_inside_a_sentence()
    {
        var (old, @new) = CharDiff.Spans("县级以上人民政府应当加强管理。", "县级以上人民政府必须加强监督管理。");
        old.ShouldBe([new CharSpan(8, 2)]);
        @new.ShouldBe([new CharSpan(8, 2), new CharSpan(12, 2)]);
    }

    [Fact]
    public void A_renamed_chapter_and_an_inserted_one_are_rows_of_their_own_and_never_pair_with_an_article()
    {
        var v1 = BillText.ComparedUnits(Renda.Web.Platform.LegalText.LegalTextParser.ParsePlain("""
            第一章 总则
            第一条 为了保护城市绿地，制定本条例。
            第二章 规划建设
            第二条 城市绿地系统规划应当纳入国土空间规划。
            """));
        var v2 = BillText.ComparedUnits(Renda.Web.Platform.LegalText.LegalTextParser.ParsePlain("""
            第一章 总则
            第一条 为了保护城市绿地，制定本条例。
            第二章 规划与建设
            第二条 城市绿地系统规划应当纳入国土空间规划。
            第三章 法律责任
            第三条 规划建设
            """));
        v1.Count(u => u.Division).ShouldBe(2);
        var rows = ComparisonTable.Compare(v1, v2);
        var headings = rows.Where(r => r.Division).ToList();
        headings.Select(r => (r.Kind, r.OldLabel, r.NewLabel)).ShouldBe([
            (ChangeKind.Unchanged, "第一章", "第一章"), (ChangeKind.Changed, "第二章", "第二章"), (ChangeKind.Inserted, null, "第三章")]);
        headings[1].NewText.ShouldBe("规划与建设");
        headings.ShouldAllBe(r => r.OldNumber == null && r.NewNumber == null);
        // The new article whose text equals the old chapter heading is an article inserted, not that heading moved.
        rows.Single(r => !r.Division && r.NewLabel == "第三条").Kind.ShouldBe(ChangeKind.Inserted);
        LegislationLabels.ChangeSummary(rows).ShouldBe("修改 0 条，新增 1 条，删除 0 条，移动 0 条；章节标题变动 2 处");
    }
}
