using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Web.Data;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.Audit;
using Renda.Web.Platform.Organisations;

// The duty archive's performance targets (issue 18), each against a baseline measured in the same run:
//   http URL USER PASSWORD YEAR [--runs N]   a deputy's archive: API and page p95 ≤ 50 ms (baseline: GET /health/ready)
//   points CONNECTION CODE YEAR [--runs N]   a province's yearly points by query ≤ 2 × SELECT count(*) FROM "DutyRecords"
return args switch
{
    ["http", var url, var user, var password, var year, .. var rest] => await HttpAsync(url, user, password, int.Parse(year, CultureInfo.InvariantCulture), Option(rest, "--runs", 200)),
    ["points", var connection, var code, var year, .. var rest] => await PointsAsync(connection, code, int.Parse(year, CultureInfo.InvariantCulture), Option(rest, "--runs", 5)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: renda-bench-duty-archive http URL USER PASSWORD YEAR [--runs N] | points CONNECTION CODE YEAR [--runs N]");
    return 2;
}

static int Option(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task<int> HttpAsync(string url, string user, string password, int year, int runs)
{
    using var http = new HttpClient { BaseAddress = new Uri(url) };
    var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
    var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
    http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    var archive = await http.GetFromJsonAsync<JsonElement>($"/api/v1/deputies/me/archive?year={year}");
    var years = archive.GetProperty("years").EnumerateArray().ToList();
    Console.WriteLine($"deputy {archive.GetProperty("deputyId").GetInt32()}: {years.Count} years, {years.Sum(y => y.GetProperty("count").GetInt32())} records, "
        + $"{archive.GetProperty("records").GetArrayLength()} in {year}, {archive.GetProperty("kinds").GetArrayLength()} kinds, {archive.GetProperty("points").GetDouble()} points, rank {archive.GetProperty("rank")}");

    async Task Get(string path) { using var r = await http.GetAsync(path); r.EnsureSuccessStatusCode(); await r.Content.ReadAsByteArrayAsync(); }
    var baseline = await MeasureAsync(runs, () => Get("/health/ready"));
    var api = await MeasureAsync(runs, () => Get($"/api/v1/deputies/me/archive?year={year}"));
    var page = await MeasureAsync(runs, () => Get($"/deputies/me/archive?year={year}"));
    var home = await MeasureAsync(runs, () => Get("/api/v1/deputies/me"));
    Report("GET /health/ready (baseline)", baseline, baseline);
    Report("GET /api/v1/deputies/me/archive", api, baseline);
    Report("GET /deputies/me/archive (page)", page, baseline);
    Report("GET /api/v1/deputies/me (我的履职)", home, baseline);
    return api.P95 <= 50 && page.P95 <= 50 ? 0 : 1;
}

static async Task<int> PointsAsync(string connection, string code, int year, int runs)
{
    var options = new DbContextOptionsBuilder<RendaDbContext>().UseNpgsql(connection, o => o.CommandTimeout(600)).Options;
    RendaDbContext Context() => new(options, new SystemActor(), TimeProvider.System);
    List<int> subtree;
    await using (var db = Context())
    {
        var province = await db.Congresses.Where(c => c.Code == code).Select(c => c.Id).FirstAsync();
        subtree = await CongressScope.SubtreeAsync(db, province);
        var deputies = await db.Deputies.CountAsync(d => subtree.Contains(d.CongressId));
        var records = await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "DutyRecords" """).SingleAsync();
        Console.WriteLine($"{code}: {subtree.Count} congresses, {deputies:N0} deputies; {records:N0} duty records");
        await DutyPoints.EnsureAsync(db, subtree);
    }
    var count = new List<double>();
    var points = new List<double>();
    var scored = 0;
    // Alternated, so both see the same cache state and load; the first round warms both and is not counted.
    for (var i = 0; i <= runs; i++)
    {
        await using var db = Context();
        var sw = Stopwatch.StartNew();
        await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "DutyRecords" """).SingleAsync();
        if (i > 0) count.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        var result = await DutyArchiveQueries.PointsAsync(db, subtree, year);
        if (i > 0) points.Add(sw.Elapsed.TotalMilliseconds);
        scored = result.Count;
    }
    var c = Stats.Of(count);
    var p = Stats.Of(points);
    Console.WriteLine($"deputies scored for {year}: {scored:N0}");
    Report("SELECT count(*) FROM \"DutyRecords\" (baseline)", c, c);
    Report($"yearly points of {code} and below, by query", p, c);
    Console.WriteLine($"ratio (median points ÷ median count): {p.P50 / c.P50:0.00} (target ≤ 2)");
    return p.P50 <= 2 * c.P50 ? 0 : 1;
}

static async Task<Stats> MeasureAsync(int runs, Func<Task> action)
{
    for (var i = 0; i < Math.Min(10, runs); i++) await action();
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    return Stats.Of(times);
}

static void Report(string name, Stats s, Stats baseline)
    => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-52} p50 {s.P50,8:0.0} | p95 {s.P95,8:0.0} | max {s.Max,8:0.0} ms | × {s.P50 / baseline.P50:0.00}"));

internal sealed record Stats(double P50, double P95, double Max)
{
    public static Stats Of(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return new(At(0.5), At(0.95), sorted[^1]);
    }
}
