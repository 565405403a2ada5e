using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.LegalText;

// Comparison tables of a 200-article regulation (issue #5: ≤ 200 ms), against a baseline measured in the same run.
//   inproc [--articles N] [--runs N]             the module's code without HTTP: parse (baseline), compare two versions
//                                                 that share node ids, compare two versions that do not (similarity)
//   http URL USER PASSWORD CODE [--articles N] [--runs N]
//                                                 the API on a running app: GET compare against GET the version's text
return args switch
{
    ["inproc", .. var rest] => InProc(Option(rest, "--articles", 200), Option(rest, "--runs", 50)),
    ["http", var url, var user, var password, var code, .. var rest] => await HttpAsync(url, user, password, code, Option(rest, "--articles", 200), Option(rest, "--runs", 50)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: renda-bench-legislation inproc [--articles N] [--runs N] | http URL USER PASSWORD CODE [--articles N] [--runs N]");
    return 2;
}

static int Option(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static int InProc(int articles, int runs)
{
    var (textA, docA, docB) = Corpus.Versions(articles);
    var jsonA = BillText.ToJson(docA);
    var jsonB = BillText.ToJson(docB);
    // A version pasted again (new node ids): only text similarity can align it.
    var jsonC = BillText.ToJson(LegalTextParser.ParsePlain(LegalTextWriter.ToPlainText(docB)));
    Console.WriteLine($"articles: {docA.Articles().Count()} → {docB.Articles().Count()}; text {textA.Length:N0} characters");

    var parse = Measure(runs, () => LegalTextParser.ParsePlain(textA));
    var byIds = Measure(runs, () => ComparisonTable.Compare(BillText.ComparedUnits(BillText.FromJson(jsonA)), BillText.ComparedUnits(BillText.FromJson(jsonB))));
    var bySimilarity = Measure(runs, () => ComparisonTable.Compare(BillText.ComparedUnits(BillText.FromJson(jsonA)), BillText.ComparedUnits(BillText.FromJson(jsonC))));
    var rows = ComparisonTable.Compare(BillText.ComparedUnits(docA), BillText.ComparedUnits(docB));
    var rowsC = ComparisonTable.Compare(BillText.ComparedUnits(docA), BillText.ComparedUnits(BillText.FromJson(jsonC)));
    Console.WriteLine($"rows (ids): {Kinds(rows)}");
    Console.WriteLine($"rows (similarity): {Kinds(rowsC)}");
    Report("parse the plain text (baseline)", parse, parse);
    Report("compare, versions sharing node ids", byIds, parse);
    Report("compare, pasted version (similarity only)", bySimilarity, parse);
    return byIds.P95 <= 200 && bySimilarity.P95 <= 200 ? 0 : 1;
}

static async Task<int> HttpAsync(string url, string user, string password, string code, int articles, int runs)
{
    using var http = new HttpClient { BaseAddress = new Uri(url) };
    var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
    http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    var (textA, docA, docB) = Corpus.Versions(articles);
    var bill = await PostAsync(http, $"/api/v1/congresses/{code}/bills", new { title = $"性能测试条例{DateTime.UtcNow:HHmmss}", kind = "New", sponsor = "省人民政府" });
    var billId = bill.GetProperty("id").GetInt32();
    var a = (await PostAsync(http, $"/api/v1/bills/{billId}/versions", new { label = "草案", text = textA })).GetProperty("id").GetInt32();
    var b = (await PostAsync(http, $"/api/v1/bills/{billId}/versions", new { label = "修改稿（粘贴）", text = LegalTextWriter.ToPlainText(docB) })).GetProperty("id").GetInt32();
    // A derived version edited through the API as staff would: same node ids as A.
    var d = (await PostAsync(http, $"/api/v1/bills/{billId}/versions/{a}/derive", new { label = "修改稿" })).GetProperty("id").GetInt32();
    var ids = docA.Articles().Select(x => x.Id).ToList();
    var vA = await http.GetFromJsonAsync<JsonElement>($"/api/v1/bills/{billId}/versions/{d}");
    var nodes = vA.GetProperty("provisions").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "Article").Select(p => p.GetProperty("nodeId").GetString()!).ToList();
    for (var i = 0; i < nodes.Count; i += 7)
        (await http.PutAsJsonAsync($"/api/v1/bills/{billId}/versions/{d}/nodes/{nodes[i]}", new { text = Corpus.Reword(i) })).EnsureSuccessStatusCode();
    for (var i = 3; i < nodes.Count; i += 20)
        (await http.PostAsJsonAsync($"/api/v1/bills/{billId}/versions/{d}/articles", new { afterNodeId = nodes[i], text = Corpus.Reword(1000 + i), first = false })).EnsureSuccessStatusCode();
    for (var i = 11; i < nodes.Count; i += 25)
        (await http.DeleteAsync($"/api/v1/bills/{billId}/versions/{d}/nodes/{nodes[i]}")).EnsureSuccessStatusCode();
    Console.WriteLine($"bill {billId}: versions {a} (draft), {d} (derived and edited), {b} (pasted)");

    async Task Get(string path) { using var r = await http.GetAsync(path); r.EnsureSuccessStatusCode(); await r.Content.ReadAsByteArrayAsync(); }
    var text = await MeasureAsync(runs, () => Get($"/api/v1/bills/{billId}/versions/{a}/text"));
    var compareIds = await MeasureAsync(runs, () => Get($"/api/v1/bills/{billId}/versions/{a}/compare/{d}"));
    var comparePasted = await MeasureAsync(runs, () => Get($"/api/v1/bills/{billId}/versions/{a}/compare/{b}"));
    var docx = await MeasureAsync(Math.Max(5, runs / 5), () => Get($"/api/v1/bills/{billId}/versions/{a}/compare/{d}/docx"));
    Report("GET version text (baseline: load + serialise)", text, text);
    Report("GET compare, derived version (node ids)", compareIds, text);
    Report("GET compare, pasted version (similarity)", comparePasted, text);
    Report("GET compare as DOCX", docx, text);
    return compareIds.P95 <= 200 && comparePasted.P95 <= 200 ? 0 : 1;
}

static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
{
    var r = await http.PostAsJsonAsync(path, body);
    var s = await r.Content.ReadAsStringAsync();
    if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)r.StatusCode} {s}");
    return JsonDocument.Parse(s).RootElement.Clone();
}

static string Kinds(IEnumerable<ComparisonRow> rows) => string.Join(", ", rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

static Timing Measure(int runs, Action action)
{
    for (var i = 0; i < 5; i++) action();
    var ms = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        ms.Add(sw.Elapsed.TotalMilliseconds);
    }
    return Timing.Of(ms);
}

static async Task<Timing> MeasureAsync(int runs, Func<Task> action)
{
    for (var i = 0; i < 5; i++) await action();
    var ms = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        ms.Add(sw.Elapsed.TotalMilliseconds);
    }
    return Timing.Of(ms);
}

static void Report(string what, Timing t, Timing baseline)
    => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {t.P50:F1} | {t.P95:F1} | {t.Max:F1} | {t.P50 / baseline.P50:F2}× |"));

internal sealed record Timing(double P50, double P95, double Max)
{
    public static Timing Of(List<double> ms)
    {
        ms.Sort();
        return new(ms[ms.Count / 2], ms[(int)Math.Ceiling(ms.Count * 0.95) - 1], ms[^1]);
    }
}

/// <summary>A generated regulation: ten chapters, articles of one to three paragraphs, some with items; and its revision.</summary>
internal static class Corpus
{
    private static readonly string[] Subjects = ["县级以上人民政府", "省人民政府生态环境主管部门", "有关部门", "乡镇人民政府和街道办事处", "村民委员会、居民委员会", "企业事业单位和其他生产经营者", "公民、法人和其他组织", "行业协会"];
    private static readonly string[] Verbs = ["应当加强", "应当建立健全", "应当依法履行", "应当统筹推进", "可以组织开展", "应当定期公布", "应当会同有关部门制定", "不得擅自改变"];
    private static readonly string[] Objects = ["生态环境保护工作", "水资源节约集约利用制度", "草原生态保护补助奖励政策", "野生动物栖息地监测", "清洁能源产业发展规划", "自然保护地管理体制", "生态保护补偿机制", "环境信息公开和公众参与", "绿色低碳循环发展的经济体系", "执法检查和监督考核"];
    private static readonly string[] Tails = ["，并将所需经费列入本级预算。", "，具体办法由省人民政府制定。", "，接受社会监督。", "，保障人民群众的合法权益。", "。", "，确保各项措施落到实处。"];

    private static string Sentence(Random r) => Subjects[r.Next(Subjects.Length)] + Verbs[r.Next(Verbs.Length)] + Objects[r.Next(Objects.Length)] + Tails[r.Next(Tails.Length)];

    public static string Reword(int seed) { var r = new Random(seed); return Sentence(r) + Sentence(r); }

    public static (string Text, LegalDocument A, LegalDocument B) Versions(int articles)
    {
        var r = new Random(20241127);
        var sb = new StringBuilder("青海省生态环境保护条例（草案）\n");
        var perChapter = Math.Max(1, articles / 10);
        for (var n = 1; n <= articles; n++)
        {
            if ((n - 1) % perChapter == 0) sb.Append('第').Append(Renda.Web.Platform.Organisations.ChineseNumerals.Of((n - 1) / perChapter + 1)).Append("章 ").Append(Objects[r.Next(Objects.Length)][..4]).Append('\n');
            sb.Append('第').Append(Renda.Web.Platform.Organisations.ChineseNumerals.Of(n)).Append("条 ").Append(Sentence(r)).Append(Sentence(r)).Append('\n');
            for (var p = r.Next(3); p > 0; p--) sb.Append(Sentence(r)).Append('\n');
            if (n % 9 == 0)
            {
                sb.Append("前款规定的措施包括：\n");
                for (var k = 1; k <= 3; k++) sb.Append('（').Append(Renda.Web.Platform.Organisations.ChineseNumerals.Of(k)).Append('）').Append(Objects[r.Next(Objects.Length)]).Append('；').Append('\n');
            }
        }
        var text = sb.ToString();
        var a = LegalTextParser.ParsePlain(text);
        // The revision: every 7th article reworded in part, 10 inserted, 8 deleted, 5 moved (ids kept, as a derived version).
        var b = LegalTextParser.ParsePlain(text);
        foreach (var (x, y) in a.Nodes().Zip(b.Nodes())) y.Id = x.Id;
        var arts = b.Articles().ToList();
        for (var i = 0; i < arts.Count; i += 7)
        {
            var para = arts[i].Children[0];
            para.Text = para.Text.Replace("应当", "必须", StringComparison.Ordinal) + "违反规定的，依法追究责任。";
        }
        for (var i = 3; i < arts.Count; i += 20) LegalTextEdits.InsertAfter(b, arts[i].Id, LegalTextEdits.NewArticle(Reword(i)));
        for (var i = 11; i < arts.Count; i += 25) LegalTextEdits.Delete(b, arts[i].Id);
        for (var i = 5; i < arts.Count - 40; i += 40) LegalTextEdits.MoveAfter(b, arts[i].Id, arts[i + 30].Id);
        return (text, a, b);
    }
}
