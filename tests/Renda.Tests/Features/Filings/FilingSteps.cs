using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Filings;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Filings;

/// <summary>Intent-named steps of filing and review over the HTTP API (Haixi 632800; filer: the demo's zhengfu, officer of 海西州人民政府).</summary>
public static class FilingSteps
{
    public const string Haixi = MeetingSteps.Haixi;
    public const string Filings = $"/api/v1/congresses/{Haixi}/filings";
    public static DateOnly Today => MeetingSteps.Today;

    private static int s_number = 500;

    public static Task<HttpClient> FilerAsync(this RendaApp app) => app.ApiClientAsync(FilingDemo.FilerAccount);
    public static Task<HttpClient> ReviewerAsync(this RendaApp app) => app.ApiClientAsync("fagongwei");

    public static object Document(string title, DateOnly? publishedOn = null, string? text = "第一条 为了规范……，制定本办法。\n第二条 ……", string? number = null)
        => new
        {
            title, documentNumber = number ?? $"西政〔2026〕{Interlocked.Increment(ref s_number)}号", issuingOrgan = "海西州人民政府", kind = "Other",
            publishedOn = (publishedOn ?? Today.AddDays(-5)).Iso(), text, explanation = "起草说明：……", basis = "《中华人民共和国立法法》",
        };

    public static Task<HttpResponseMessage> TryFileAsync(this HttpClient filer, object document, string congress = Haixi)
        => filer.PostJsonAsync($"/api/v1/congresses/{congress}/filings", document);

    public static async Task<JsonElement> FileAsync(this HttpClient filer, string title, DateOnly? publishedOn = null)
        => await filer.TryFileAsync(Document(title, publishedOn)).CreatedAsync();

    public static Task<JsonElement> FilingAsync(this HttpClient client, int id) => client.GetJsonAsync($"/api/v1/filings/{id}");

    /// <summary>Filed by the government and received by staff: returns the filing's id and its active review's id.</summary>
    public static async Task<(int FilingId, int ReviewId)> ReceivedFilingAsync(this RendaApp app, string title)
    {
        var filing = await (await app.FilerAsync()).FileAsync(title);
        var staff = await app.ReviewerAsync();
        await staff.PostJsonAsync($"/api/v1/filings/{filing.Id()}/receive").DoneAsync();
        var detail = await staff.FilingAsync(filing.Id());
        return (filing.Id(), detail.GetProperty("reviews")[0].Id());
    }

    public static async Task<int> CommitteeIdAsync(this RendaApp app, string name = "法制委员会")
    {
        await using var scope = app.Db();
        return await scope.Context.Committees.Where(c => c.Congress!.Code == Haixi && c.Name == name).Select(c => c.Id).FirstAsync();
    }

    /// <summary>Passed to the legal committee and examined against the four standards; a problem, if given, under legality.</summary>
    public static async Task ReviewedAsync(this RendaApp app, int reviewId, bool problem)
    {
        var staff = await app.ReviewerAsync();
        await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/pass", new { committeeId = await app.CommitteeIdAsync() }).DoneAsync();
        foreach (var standard in new[] { "Constitutionality", "Political", "Legality", "Appropriateness" })
        {
            var bad = problem && standard == "Legality";
            await staff.PostJsonAsync($"/api/v1/reviews/{reviewId}/findings", new
            {
                standard, problem = bad, ground = bad ? "《中华人民共和国行政许可法》第十七条：其他规范性文件一律不得设定行政许可。" : null, note = bad ? "第九条设定行政许可。" : "未发现问题。",
            }).DoneAsync();
        }
    }

    public static async Task<List<Deadline>> ClocksAsync(this RendaApp app, string subject, int id)
    {
        await using var scope = app.Db();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.Context.Deadlines.Include(d => d.Extensions).Where(d => d.SubjectType == subject && d.SubjectId == key).OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task<int> CountAsync<T>(this RendaApp app) where T : class
    {
        await using var scope = app.Db();
        return await scope.Context.Set<T>().CountAsync();
    }

    public static async Task<JsonElement> StatisticsAsync(this HttpClient client, int year)
        => await client.GetJsonAsync($"{Filings}/statistics?year={year}");

    public static async Task ShouldBeRefusedAsync(this Task<HttpResponseMessage> response, HttpStatusCode status, string containing)
    {
        var problem = await (await response).ShouldBeProblemAsync(status);
        string.Join(" ", Strings(problem)).ShouldContain(containing);
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
