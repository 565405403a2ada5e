using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.LegalText;
using Renda.Web.Features.Laws;

namespace Renda.Tests.Features.Laws;

/// <summary>
/// The regulations database over HTTP, anonymous as a citizen would read it: search in Chinese with highlighted passages
/// and filters, a law with its articles and versions, article permalinks, Akoma Ntoso; import rules (idempotent, changed
/// file, status from versions and dates, unreadable files refused with their place and nothing written).
/// </summary>
public abstract class LawsDatabaseTests(RendaApp app) : IAsyncLifetime
{
    private const string Legislation = "宪法相关法/立法法(2023-03-13).md";
    private const string Supervision = "宪法相关法/各级人民代表大会常务委员会监督法(2006-08-27).md";
    private const string Criminal = "刑法/刑法.md";

    private readonly LawSteps.LawFolder _folder = new LawSteps.LawFolder()
        .Copy(Legislation).Copy(Supervision).Copy(Criminal).Copy("宪法/宪法.md").Copy("刑法/刑法修正案（七）.md")
        .With("地方性法规/青海省冷湖天文观测环境保护条例(2024-05-30).md", LawSteps.Markdown("青海省冷湖天文观测环境保护条例",
            "2024年5月30日 青海省第十四届人民代表大会常务委员会第九次会议通过", "第一条 为了保护冷湖天文观测环境，制定本条例。\n\n第二条 本条例自2024年7月1日起施行。"))
        .With("地方性法规/青海省冷湖天文观测环境保护条例(2027-01-01).md", LawSteps.Markdown("青海省冷湖天文观测环境保护条例",
            "2026年9月30日 青海省第十四届人民代表大会常务委员会第二十次会议修正", "第一条 为了保护冷湖天文观测环境和暗夜资源，制定本条例。\n\n第二条 本条例自2027年1月1日起施行。"));

    private LawImportReport _first = null!;

    public async Task InitializeAsync() => _first = await app.ImportLawsAsync(_folder.Dir);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_file_is_imported_with_all_its_articles()
    {
        _first.AllImported.ShouldBeTrue(string.Join("\n", _first.Files.Select(f => f.Describe())));
        _first.Files.Count.ShouldBe(7);
        _first.Files.Single(f => f.Path == Criminal).Articles.ShouldBe(LegalTextParserTests.ArticleHeading.Count(File.ReadAllText(Path.Combine(SharedData.Laws, Criminal))));
    }

    [Fact]
    public async Task A_citizen_searches_in_Chinese_and_gets_the_law_with_the_article_highlighted()
    {
        var client = app.Anonymous();
        var page = await client.SearchLawsAsync("q=基层立法联系点");
        page.Titles().ShouldBe(["中华人民共和国立法法"]);
        var hit = page.GetProperty("items")[0];
        hit.GetProperty("matchedLabel").GetString().ShouldBe("第七十条");
        hit.GetProperty("snippet").GetString()!.ShouldContain("<mark>基层立法联系点</mark>");

        // Two words: both must be in the law; a title match comes first.
        (await client.SearchLawsAsync("q=监督法")).Titles()[0].ShouldBe("中华人民共和国各级人民代表大会常务委员会监督法");
        (await client.SearchLawsAsync("q=冷湖 暗夜")).Titles().ShouldBe(["青海省冷湖天文观测环境保护条例"]);
        (await client.SearchLawsAsync("q=冷湖 火星")).GetProperty("total").GetInt32().ShouldBe(0);
        // Words may be in the title and in an article, or in different articles.
        var criminal = await client.SearchLawsAsync("q=刑法 恐怖活动");
        criminal.Titles()[0].ShouldBe("中华人民共和国刑法");
        criminal.GetProperty("items")[0].GetProperty("snippet").GetString()!.ShouldContain("<mark>恐怖活动</mark>");
        // A phrase, not scattered characters: 联系点立法 is in no text although each bigram's characters are.
        (await client.SearchLawsAsync("q=点立法联系")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Laws_whose_title_holds_the_word_come_first_and_past_the_search_cap_the_total_is_a_lower_bound()
    {
        // Imported in path order (乌 < 海 < 都): the law that only mentions the word has the first matching articles.
        var folder = new LawSteps.LawFolder()
            .With("地方性法规/乌兰县牧区管理办法.md", LawSteps.Markdown("乌兰县牧区管理办法", "2019年1月1日 通过",
                "第一条 牧区应当做好草原防火。\n\n第二条 草原防火期由县人民政府规定。\n\n第三条 草原防火物资由乡镇储备。\n\n第四条 本办法自2019年3月1日起施行。"))
            .With("地方性法规/海西州草原防火条例.md", LawSteps.Markdown("海西州草原防火条例", "2020年1月1日 通过",
                "第一条 为了做好草原防火工作，制定本条例。\n\n第二条 本条例自2020年3月1日起施行。"))
            .With("地方性法规/都兰县森林草原防火规定.md", LawSteps.Markdown("都兰县森林草原防火规定", "2021年1月1日 通过",
                "第一条 为了做好森林草原防火工作，制定本规定。\n\n第二条 草原防火期内禁止野外用火。\n\n第三条 本规定自2021年3月1日起施行。"));
        (await app.ImportLawsAsync(folder.Dir)).AllImported.ShouldBeTrue();
        var q = "q=" + Uri.EscapeDataString("草原防火");

        // Everything read: titles first (more matching articles first), then the law with the most matching articles.
        var exact = await app.Anonymous().SearchLawsAsync(q);
        exact.Titles().ShouldBe(["都兰县森林草原防火规定", "海西州草原防火条例", "乌兰县牧区管理办法"]);
        exact.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("matchedArticles").GetInt32()).ShouldBe([2, 1, 3]);
        exact.GetProperty("items")[2].GetProperty("snippet").GetString()!.ShouldContain("<mark>草原防火</mark>");
        exact.GetProperty("total").GetInt32().ShouldBe(3);
        exact.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();

        // Two matching articles and two titles read per word: the titles still come first, every law found is counted, and
        // the total says it may be more (the third matching article and beyond were not read).
        using var capped = app.WithSettings(("Renda:Laws:SearchCap", "2"));
        var client = capped.Anonymous();
        var page = await client.SearchLawsAsync(q);
        page.Titles()[..2].Order().ShouldBe(["海西州草原防火条例", "都兰县森林草原防火规定"]);
        // Which two matching articles a capped read reaches first depends, on PostgreSQL, on the hash partition of each law's
        // id (decision 0013, known limits); since the demo's own regulations are in the database (issue 19) the ids differ, so
        // the law found only by its articles may or may not be among them.
        if (page.Titles().Length > 2) page.Titles()[2].ShouldBe("乌兰县牧区管理办法");
        page.GetProperty("total").GetInt32().ShouldBeInRange(2, 3);
        page.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeTrue();
        // One word in the title, the other in the articles: the passage shows the article's word.
        var two = await client.SearchLawsAsync("q=" + Uri.EscapeDataString("县牧区 草原防火"));
        two.Titles().ShouldBe(["乌兰县牧区管理办法"]);
        two.GetProperty("items")[0].GetProperty("snippet").GetString()!.ShouldContain("<mark>草原防火</mark>");
        // A common word (施行 is in the last article of nearly every law; its first two matches are other laws') with a rare
        // one in another article: the laws holding the rare word are checked for the common one, and the count is exact.
        var checkedOne = await client.SearchLawsAsync("q=" + Uri.EscapeDataString("施行 野外用火"));
        checkedOne.Titles().ShouldBe(["都兰县森林草原防火规定"]);
        checkedOne.GetProperty("items")[0].GetProperty("snippet").GetString()!.ShouldContain("<mark>野外用火</mark>");
        checkedOne.GetProperty("total").GetInt32().ShouldBe(1);
        checkedOne.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
        (await client.SearchLawsAsync("q=" + Uri.EscapeDataString("施行 野外用火") + "&category=宪法")).GetProperty("total").GetInt32().ShouldBe(0);
        // Two words each cut off at the first reading (a tenth of the cap, 2 here) and complete at the cap: neither can be
        // checked against the other, so both are read again to the cap, and the count is exact.
        using var larger = app.WithSettings(("Renda:Laws:SearchCap", "20"));
        var both = await larger.Anonymous().SearchLawsAsync("q=" + Uri.EscapeDataString("草原防火 施行"));
        both.Titles().Order().ShouldBe(["乌兰县牧区管理办法", "海西州草原防火条例", "都兰县森林草原防火规定"]);
        both.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
        var html = await (await client.GetAsync("/laws?" + q)).Content.ReadAsStringAsync();
        html.ShouldContain($"至少 {page.GetProperty("total").GetInt32()} 部");
        html.ShouldContain("<mark>草原防火</mark>");
        var filtered = await client.SearchLawsAsync(q + "&from=2020-01-01");
        filtered.Titles().Order().ShouldBe(["海西州草原防火条例", "都兰县森林草原防火规定"]);
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_paging_counts_the_laws()
    {
        var client = app.Anonymous();
        // Other tests of the class import a few more laws: the count is at least the seven of the fixture.
        var all = await client.SearchLawsAsync("pageSize=3");
        var total = all.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(7);
        all.GetProperty("items").GetArrayLength().ShouldBe(3);
        var last = (total + 2) / 3;
        all.GetProperty("pageCount").GetInt32().ShouldBe(last);
        (await client.SearchLawsAsync($"pageSize=3&page={last}")).GetProperty("items").GetArrayLength().ShouldBe(total - 3 * (last - 1));
        (await client.SearchLawsAsync("category=刑法")).Titles().Order().ShouldBe(["中华人民共和国刑法", "中华人民共和国刑法修正案（七）"]);
        (await client.SearchLawsAsync("q=刑法&category=宪法")).GetProperty("total").GetInt32().ShouldBe(0);
        // The demo's own 2024 regulations (promulgated in Renda, issue 19) are in the database too.
        var of2024 = await client.SearchLawsAsync("from=2024-01-01&to=2024-12-31&pageSize=100");
        of2024.Titles().ShouldContain("青海省冷湖天文观测环境保护条例");
        of2024.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("versionDate").GetString()!.StartsWith("2024-"));
        (await client.SearchLawsAsync("q=冷湖&status=已修改")).GetProperty("items")[0].GetProperty("versionDate").GetString().ShouldBe("2024-05-30");
        (await client.SearchLawsAsync("status=尚未生效")).GetProperty("items")[0].GetProperty("versionDate").GetString().ShouldBe("2027-01-01");
        var bad = await client.GetAsync("/api/v1/laws?status=作废");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var single = await client.GetAsync("/api/v1/laws?q=法");
        single.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await single.Content.ReadAsStringAsync()).ShouldContain("至少两个字");
    }

    [Fact]
    public async Task A_law_comes_with_its_articles_versions_and_an_Akoma_Ntoso_export()
    {
        var client = app.Anonymous();
        var law = await client.LawAsync(await app.LawIdAsync(Criminal));
        law.GetProperty("articleCount").GetInt32().ShouldBe(law.GetProperty("articles").EnumerateArray().Count(a => a.GetProperty("kind").GetString() == "article"));
        var zhi = law.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("number").GetString() == "第一百二十条之一");
        zhi.GetProperty("slug").GetString().ShouldBe("120-1");
        zhi.GetProperty("path").GetString()!.ShouldStartWith("第二编 分则");
        zhi.GetProperty("text").GetString()!.ShouldStartWith("资助恐怖活动组织");

        var newer = await app.LawIdAsync("地方性法规/青海省冷湖天文观测环境保护条例(2027-01-01).md");
        var older = await client.LawAsync(await app.LawIdAsync("地方性法规/青海省冷湖天文观测环境保护条例(2024-05-30).md"));
        older.GetProperty("statusLabel").GetString().ShouldBe("已修改");
        older.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("id").GetInt32()).First().ShouldBe(newer);
        (await client.LawAsync(newer)).GetProperty("statusLabel").GetString().ShouldBe("尚未生效");

        var akn = await client.GetAsync($"/api/v1/laws/{newer}/akn");
        akn.StatusCode.ShouldBe(HttpStatusCode.OK);
        akn.Content.Headers.ContentType!.MediaType.ShouldBe("application/akn+xml");
        AknSchema.Validate(await akn.Content.ReadAsStringAsync()).ShouldBeEmpty();
        (await client.GetAsync("/api/v1/laws/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_article_has_a_permalink_and_the_pages_are_open_to_anyone()
    {
        var client = app.Anonymous();
        var id = await app.LawIdAsync(Legislation);
        var article = await client.GetAsync($"/laws/{id}/articles/70");
        var html = await article.Content.ReadAsStringAsync();
        article.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("第七十条");
        html.ShouldContain("基层立法联系点");
        (await client.GetAsync($"/laws/{id}/articles/第七十条")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/laws/{id}/articles/999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await (await client.GetAsync($"/laws/{id}")).Content.ReadAsStringAsync();
        page.ShouldContain("id=\"第七十条\"");
        page.ShouldContain($"href=\"/laws/{id}/articles/70\"");
        var list = await client.GetAsync("/laws?q=基层立法联系点");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await list.Content.ReadAsStringAsync()).ShouldContain("<mark>基层立法联系点</mark>");
        var api = await client.GetAsync($"/api/v1/laws/{id}/articles/70");
        JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString().ShouldBe("第七十条");
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_a_changed_file_updates_its_law()
    {
        await using (var scope = app.Db())
        {
            var audits = await scope.Context.AuditRecords.CountAsync();
            var again = await app.ImportLawsAsync(_folder.Dir);
            again.Count(LawImportOutcome.Unchanged).ShouldBe(7);
            (await scope.Context.AuditRecords.CountAsync()).ShouldBe(audits);
        }
        var folder = new LawSteps.LawFolder().Copy(Legislation)
            .With("地方性法规/某条例.md", LawSteps.Markdown("某条例", "2020年1月1日 通过", "第一条 甲。\n\n第二条 乙。"));
        (await app.ImportLawsAsync(folder.Dir)).AllImported.ShouldBeTrue();
        folder.With("地方性法规/某条例.md", LawSteps.Markdown("某条例", "2020年1月1日 通过", "第一条 甲。\n\n第二条 乙。\n\n第三条 丙。"));
        var report = await app.ImportLawsAsync(folder.Dir);
        report.Files.Single(f => f.Path == "地方性法规/某条例.md").Outcome.ShouldBe(LawImportOutcome.Updated);
        var id = await app.LawIdAsync("地方性法规/某条例.md");
        var law = await app.Anonymous().LawAsync(id);
        law.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ShouldBe(["甲。", "乙。", "丙。"]);
        (await app.Anonymous().SearchLawsAsync("q=某条例")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_files_are_reported_with_their_place_nothing_of_them_is_written_and_the_exit_status_says_so()
    {
        var folder = new LawSteps.LawFolder()
            .With("其他/好条例.md", LawSteps.Markdown("好条例", "2020年1月1日 通过", "第一条 甲。"))
            .With("其他/无条文.md", "# 无条文\n\n<!-- INFO END -->\n\n")
            .With("其他/重复条文.md", LawSteps.Markdown("重复条文", "", "第一条 甲。\n\n第二条 乙。\n\n第二条 丙。"))
            .With("其他/跳号条文.md", LawSteps.Markdown("跳号条文", "", "第一条 甲。\n\n第三条 丙。"));

        var (exit, stdout, stderr) = await app.RunImportLawsAsync(folder.Dir);

        exit.ShouldBe(1, stdout + stderr);
        stderr.Split('\n').Single(l => l.Contains("其他/无条文.md")).ShouldContain("没有正文：文本中没有任何条文");
        stderr.ShouldContain("拒绝 其他/重复条文.md：第11行“第二条 丙。”：条文序号重复：第二条（第9行已有第二条）");
        // A skipped article number is the source's, as printed: imported, with a warning.
        stdout.ShouldContain("警告 其他/跳号条文.md：第9行“第三条 丙。”：条文序号不连续：第一条之后是第三条");
        stdout.ShouldContain("导入 1，导入但有警告 1，拒绝 2（新增 2");
        await using var scope = app.Db();
        var paths = await scope.Context.Set<Law>().Where(l => l.SourcePath.StartsWith("其他/")).Select(l => l.SourcePath).ToListAsync();
        paths.ShouldBe(["其他/好条例.md", "其他/跳号条文.md"], ignoreOrder: true);
        (await app.Anonymous().SearchLawsAsync("q=重复条文")).GetProperty("total").GetInt32().ShouldBe(0);
    }
}

public sealed class LawsDatabaseTests_Sqlite(SqliteApp app) : LawsDatabaseTests(app), IClassFixture<SqliteApp>;
public sealed class LawsDatabaseTests_Postgres(PostgresApp app) : LawsDatabaseTests(app), IClassFixture<PostgresApp>;
