using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Portal;

/// <summary>Intent-named steps of the public portal: staff write and publish articles over the API; citizens read pages.</summary>
public static class PortalSteps
{
    public const string Haixi = "632800";
    public const string Editor = "fagongwei";

    public static object News(string title = "州人大常委会召开座谈会", string body = "会议听取了意见。\n\n## 下一步\n\n- 加强联系\n- **依法**履职") =>
        new { section = "News", title, summary = "座谈会摘要", body };

    public static Task<HttpResponseMessage> TryWriteArticleAsync(this HttpClient staff, object article) => staff.PostAsJsonAsync("/api/v1/portal/articles", article);

    public static async Task<int> WriteArticleAsync(this HttpClient staff, object? article = null)
    {
        var r = await staff.TryWriteArticleAsync(article ?? News());
        return (await r.ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    public static Task<HttpResponseMessage> TryPublishAsync(this HttpClient staff, int id) => staff.PostAsync($"/api/v1/portal/articles/{id}/publish", null);

    public static Task<HttpResponseMessage> TryUnpublishAsync(this HttpClient staff, int id, string? reason) =>
        staff.PostAsJsonAsync($"/api/v1/portal/articles/{id}/unpublish", new { reason });

    public static async Task PublishAsync(this HttpClient staff, int id) => (await staff.TryPublishAsync(id)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> ReadPublishedArticleAsync(this HttpClient reader, int id) => reader.GetAsync($"/api/v1/public/congresses/{Haixi}/articles/{id}");

    public static async Task<JsonElement> PublicityAsync(this HttpClient client, int year)
    {
        var all = await (await client.GetAsync($"/api/v1/public/congresses/{Haixi}/publicity")).ShouldBeOkJsonAsync();
        return all.EnumerateArray().FirstOrDefault(e => e.GetProperty("year").GetInt32() == year);
    }

    public static int Total(this JsonElement figures) => figures.ValueKind == JsonValueKind.Undefined ? 0 : figures.GetProperty("total").GetInt32();

    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var r = await client.GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(status, $"{url}: {html[..Math.Min(html.Length, 400)]}");
        return new HtmlParser().ParseDocument(html);
    }

    public static async Task<List<string>> SearchLawTitlesAsync(this HttpClient client, string query)
    {
        var page = await (await client.GetAsync($"/api/v1/laws?{query}")).ShouldBeOkJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
    }
}
