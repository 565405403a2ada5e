using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Platform.Search;

namespace Renda.Tests.Platform.Search;

/// <summary>
/// The similarity index on the real migrated schema of both databases. Each test works in a
/// congress of its own, so the tests of one fixture never see each other's texts.
/// </summary>
public abstract class SearchIndexTests(RendaApp app)
{
    private const string Kind = "suggestion";
    private static int _congress = 9000;
    private static int NewCongress() => Interlocked.Increment(ref _congress);

    public const string DarkSky = "关于加强冷湖天文观测基地暗夜保护的建议：冷湖镇赛什腾山天文观测基地已引进多个国内外天文望远镜项目，但周边光污染防控缺乏法规依据。建议州人大常委会制定冷湖天文观测环境保护条例，划定暗夜保护区，规范户外照明，严格限制新建项目的灯光强度，保障天文观测条件。";
    /// <summary>The same suggestion resubmitted with light edits (another deputy, the next year …).</summary>
    public const string DarkSkyRewritten = "关于加强冷湖天文观测基地暗夜环境保护的建议。冷湖镇赛什腾山天文观测基地已引进多个国内外天文望远镜项目，但周边的光污染防控缺少法规依据。建议制定冷湖天文观测环境保护条例，划定暗夜保护区，规范户外照明，限制新建项目灯光强度，切实保障天文观测条件。";
    /// <summary>Same place and subject, a different request: similar, but less.</summary>
    public const string DarkSkyInfrastructure = "关于完善冷湖天文观测基地配套设施的建议：冷湖镇赛什腾山天文观测基地发展迅速，但通往基地的道路、供电和通信等配套设施建设滞后，科研人员生活保障不足。建议加快配套道路和电网建设，同时划定暗夜保护区，规范户外照明。";
    public const string MineRestoration = "关于持续推进木里矿区生态修复的建议：木里矿区以往无序开采造成高寒草甸和湿地严重破坏。建议加大种草复绿和渣山治理资金投入，建立矿区生态修复长效管护机制，落实管护责任，定期开展修复成效评估，防止治理成果反弹。";
    public const string BusRoutes = "关于优化格尔木市公交线路的建议：格尔木市区与昆仑经济技术开发区之间公交班次少、间隔长，职工上下班不便。建议增开经开区至市区的公交线路，延长末班车时间，在学校和医院附近增设站点，推广公交移动支付。";
    public const string PastoralSchools = "关于改善牧区寄宿制学校办学条件的建议：天峻县、乌兰县牧区寄宿制学校冬季供暖不足，宿舍拥挤，生活老师配备不够。建议加大牧区学校基础设施投入，改善供暖和住宿条件，按标准配齐生活老师和校医，保障牧民子女就近入学。";
    public const string SaltLake = "关于支持察尔汗盐湖资源综合利用的建议：察尔汗盐湖钾肥产业规模大，但锂、镁等伴生资源利用率不高。建议支持盐湖企业开展提锂和镁基新材料技术攻关，延伸产业链，建设世界级盐湖产业基地，同时加强盐湖生态环境保护。";
    public const string ClinicDoctors = "关于提高乡镇卫生院医生待遇的建议：基层卫生院医生工资低、编制少、晋升难，年轻医生留不住。建议落实基层医务人员津贴补贴，放宽职称评审条件，推行县管乡用，稳定乡村医疗队伍。";

    private async Task IndexAsync(int congress, params (long Id, string Text)[] texts)
    {
        await using var scope = app.Db();
        foreach (var (id, text) in texts)
            await SearchIndex.UpsertAsync(scope.Context, Kind, id, congress, 2024, text);
    }

    private async Task<IReadOnlyList<SimilarHit>> SimilarAsync(string text, SimilarQuery q, string kind = Kind)
    {
        await using var scope = app.Db();
        return await SearchIndex.SimilarAsync(scope.Context, kind, text, q);
    }

    private async Task<int> IndexedAsync(int congress, params (long Id, string Text)[] texts)
    {
        await IndexAsync(congress, texts);
        return congress;
    }

    private Task<int> StandardSetAsync() => IndexedAsync(NewCongress(),
        (1, DarkSky), (2, MineRestoration), (3, BusRoutes), (4, PastoralSchools), (5, SaltLake), (6, DarkSkyInfrastructure));

    [Fact]
    public async Task A_near_duplicate_ranks_first_and_unrelated_texts_stay_below_the_threshold()
    {
        var congress = await StandardSetAsync();
        var hits = await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress));
        hits.ShouldNotBeEmpty();
        hits[0].Id.ShouldBe(1);
        hits[0].Score.ShouldBeGreaterThan(0.7);
        hits.Select(h => h.Id).ShouldBeSubsetOf([1L, 6L]);

        // With a low threshold the same-subject text follows, and the order is by score.
        var loose = await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress) { MinScore = 0.1 });
        loose.Select(h => h.Id).Take(2).ShouldBe([1L, 6L]);
        loose.Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
        loose[1].Score.ShouldBe(ChineseText.Similarity(DarkSkyRewritten, DarkSkyInfrastructure), 1e-9);

        (await SimilarAsync(ClinicDoctors, new SimilarQuery(congress))).ShouldBeEmpty();
        (await SimilarAsync("", new SimilarQuery(congress))).ShouldBeEmpty();
        (await SimilarAsync("完全没有出现过的字词", new SimilarQuery(congress))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_limit_caps_the_hits()
    {
        var congress = await IndexedAsync(NewCongress(), (1, DarkSky), (2, DarkSkyRewritten), (3, DarkSky + "请予支持。"));
        (await SimilarAsync(DarkSky, new SimilarQuery(congress))).Count.ShouldBe(3);
        (await SimilarAsync(DarkSky, new SimilarQuery(congress) { Limit = 2 })).Select(h => h.Id).ShouldBe([1L, 3L]);
    }

    [Fact]
    public async Task Another_congress_never_sees_the_texts()
    {
        var mine = await StandardSetAsync();
        var other = await IndexedAsync(NewCongress(), (100, DarkSkyRewritten));
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(mine) { MinScore = 0 })).Select(h => h.Id).ShouldNotContain(100);
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(other))).Select(h => h.Id).ShouldBe([100L]);
    }

    [Fact]
    public async Task Only_the_asked_kind_is_searched()
    {
        var congress = await StandardSetAsync();
        await using (var scope = app.Db())
            await SearchIndex.UpsertAsync(scope.Context, "review-suggestion", 77, congress, 2024, DarkSkyRewritten);
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress))).Select(h => h.Id).ShouldNotContain(77);
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress), "review-suggestion")).Select(h => h.Id).ShouldBe([77L]);
    }

    [Fact]
    public async Task The_text_itself_can_be_excluded()
    {
        var congress = await StandardSetAsync();
        (await SimilarAsync(DarkSky, new SimilarQuery(congress)))[0].ShouldBe(new SimilarHit(1, 1.0));
        (await SimilarAsync(DarkSky, new SimilarQuery(congress) { ExcludeId = 1 })).Select(h => h.Id).ShouldNotContain(1);
    }

    [Fact]
    public async Task Years_limit_the_texts_searched()
    {
        var congress = NewCongress();
        await using (var scope = app.Db())
        {
            await SearchIndex.UpsertAsync(scope.Context, Kind, 1, congress, 2023, DarkSky);
            await SearchIndex.UpsertAsync(scope.Context, Kind, 2, congress, 2025, DarkSky);
        }
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress))).Select(h => h.Id).ShouldBe([1L, 2L]);
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress) { UpToYear = 2024 })).Select(h => h.Id).ShouldBe([1L]);
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress) { FromYear = 2024 })).Select(h => h.Id).ShouldBe([2L]);
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress) { FromYear = 2023, UpToYear = 2023 })).Select(h => h.Id).ShouldBe([1L]);
    }

    [Fact]
    public async Task Upsert_replaces_the_text_congress_and_year()
    {
        var congress = await IndexedAsync(NewCongress(), (50, DarkSky));
        await IndexAsync(congress, (50, MineRestoration));
        (await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress) { MinScore = 0.05 })).ShouldBeEmpty();
        (await SimilarAsync(MineRestoration, new SimilarQuery(congress))).ShouldBe([new SimilarHit(50, 1.0)]);

        var moved = NewCongress();
        await using (var scope = app.Db())
            await SearchIndex.UpsertAsync(scope.Context, Kind, 50, moved, 2026, MineRestoration);
        (await SimilarAsync(MineRestoration, new SimilarQuery(congress))).ShouldBeEmpty();
        (await SimilarAsync(MineRestoration, new SimilarQuery(moved) { FromYear = 2026 })).ShouldBe([new SimilarHit(50, 1.0)]);
        await AssertTermCountsAreExactAsync();
    }

    [Fact]
    public async Task Remove_removes_and_removing_twice_is_harmless()
    {
        var congress = await StandardSetAsync();
        await using (var scope = app.Db())
        {
            await SearchIndex.RemoveAsync(scope.Context, Kind, 1);
            await SearchIndex.RemoveAsync(scope.Context, Kind, 1);
        }
        (await SimilarAsync(DarkSky, new SimilarQuery(congress))).Select(h => h.Id).ShouldNotContain(1);
        await AssertTermCountsAreExactAsync();
    }

    [Fact]
    public async Task Writes_join_the_callers_transaction()
    {
        var congress = NewCongress();
        await using (var scope = app.Db())
        {
            await using var tx = await scope.Context.Database.BeginTransactionAsync();
            await SearchIndex.UpsertAsync(scope.Context, Kind, 1, congress, 2024, DarkSky);
            await tx.RollbackAsync();
        }
        (await SimilarAsync(DarkSky, new SimilarQuery(congress))).ShouldBeEmpty();
        await AssertTermCountsAreExactAsync();
    }

    [Fact]
    public async Task The_best_match_among_many_same_subject_texts_is_found()
    {
        // Many texts share the common words (建议, 保护, 冷湖 …); the rarest tokens still find the duplicate.
        var congress = NewCongress();
        var texts = Enumerable.Range(1, 60).Select(i => ((long)i, $"关于第{i}号{(i % 2 == 0 ? DarkSkyInfrastructure : MineRestoration)}")).ToList();
        texts.Add((999, DarkSky));
        await IndexAsync(congress, [.. texts]);
        var hits = await SimilarAsync(DarkSkyRewritten, new SimilarQuery(congress) { MinScore = 0.1, Limit = 3 });
        hits[0].Id.ShouldBe(999);
    }

    [Fact]
    public async Task Conjunctions_find_only_texts_holding_all_their_tokens()
    {
        // The fallback for texts of everyday words, whose SQL a small index never reaches through Plan.
        var congress = await StandardSetAsync();
        var plan = new SearchIndex.CandidateQuery(
            Singles: [],
            Conjunctions: [["盐湖", "钾肥"], ["冷湖", "木里"]], // the second is in no text
            RankTerms: ["盐湖", "钾肥", "冷湖", "木里"]);
        await using var scope = app.Db();
        await scope.Context.Database.OpenConnectionAsync();
        (await SearchIndex.CandidatesAsync(scope.Context, Kind, plan, new SimilarQuery(congress))).Select(c => c.Id).ShouldBe([5L]);
        (await SearchIndex.CandidatesAsync(scope.Context, Kind, plan with { Singles = ["矿区"] }, new SimilarQuery(congress))).Select(c => c.Id).ShouldBe([5L, 2L], ignoreOrder: true);
        (await SearchIndex.CandidatesAsync(scope.Context, Kind, plan, new SimilarQuery(NewCongress()))).ShouldBeEmpty();
    }

    /// <summary>PostgreSQL keeps document frequencies by hand: they must equal a recount (of the tokens, not the kind@congress scope lexeme).</summary>
    private async Task AssertTermCountsAreExactAsync()
    {
        if (app.Provider != DatabaseProvider.Postgres) return;
        await using var scope = app.Db();
        var wrong = await scope.Context.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM (
              (SELECT kind, term, count(*)::int AS df FROM search_documents, unnest(tsvector_to_array(tokens)) AS term WHERE strpos(term, '@') = 0 GROUP BY kind, term
               EXCEPT SELECT kind, term, df FROM search_terms)
              UNION ALL
              (SELECT kind, term, df FROM search_terms
               EXCEPT SELECT kind, term, count(*)::int FROM search_documents, unnest(tsvector_to_array(tokens)) AS term WHERE strpos(term, '@') = 0 GROUP BY kind, term)) d
            """).SingleAsync();
        wrong.ShouldBe(0);
    }
}

public sealed class SearchIndexTests_Sqlite(SqliteApp app) : SearchIndexTests(app), IClassFixture<SqliteApp>;
public sealed class SearchIndexTests_Postgres(PostgresApp app) : SearchIndexTests(app), IClassFixture<PostgresApp>;
