namespace Renda.Web.Platform.Web.Shell;

/// <summary>
/// The public site (门户网站) of a congress lives under /p/{code}/ (the congress's 6-digit division code, as in the API). Pages
/// with an older address (/laws, /public/suggestions, /stations …) belong to the congress chosen by configuration
/// (Renda:Portal:Congress, the demo's Haixi by default), which is also where an anonymous visitor of / lands.
/// </summary>
public static class PublicSite
{
    public const string RouteKey = "congress";
    public const string DefaultCongress = "632800";
    /// <summary>适老化: the large-text mode, remembered for a year so that it survives navigation and visits.</summary>
    public const string LargeTextCookie = "renda.large-text";

    public static string HomeCongress(IConfiguration config) => config["Renda:Portal:Congress"] is { Length: > 0 } c ? c : DefaultCongress;

    /// <summary>The congress a public page belongs to: its address's, else the configured one.</summary>
    public static string CongressOf(HttpContext http)
        => http.GetRouteValue(RouteKey) is string code && code.Length > 0 ? code : HomeCongress(http.RequestServices.GetRequiredService<IConfiguration>());

    public static string Home(string code) => $"/p/{code}";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_feeds = new();

    /// <summary>A section page (its path under /p/{code}/) whose Atom feed is at the same path + /feed; the module serving the feed registers it.</summary>
    public static void RegisterFeed(string pagePath, string label) => s_feeds[pagePath] = label;

    /// <summary>The feed of the section a page belongs to, for the page's &lt;link rel="alternate"&gt;.</summary>
    public static (string Href, string Title)? FeedOf(string code, string path)
        => s_feeds.Keys.Where(k => path == $"/p/{code}/{k}" || path.StartsWith($"/p/{code}/{k}/", StringComparison.Ordinal)).MaxBy(k => k.Length) is { } key
            ? ($"/p/{code}/{key}/feed", s_feeds[key]) : null;

    /// <summary>The page listing the feeds and the e-mail subscription form; the receipt lookup.</summary>
    public static string Subscribe(string code) => $"/p/{code}/subscribe";
    public static string Receipt(string code) => $"/p/{code}/receipt";

    public static bool LargeText(HttpContext http) => http.Request.Cookies[LargeTextCookie] == "1";

    /// <summary>The address a page is known by (no query), absolute, for the canonical link and Open Graph.</summary>
    public static string Absolute(HttpContext http, string path) => $"{http.Request.Scheme}://{http.Request.Host}{path}";

    /// <summary>The sections of the public navigation, in order.</summary>
    public static IReadOnlyList<(string Label, string Href)> Nav(string code) =>
    [
        ("首页", Home(code)),
        ("工作动态", $"/p/{code}/news"),
        ("公告", $"/p/{code}/announcements"),
        ("法规库", $"/p/{code}/laws"),
        ("立法征求意见", $"/p/{code}/legislation/comments"),
        ("代表建议", $"/p/{code}/suggestions"),
        ("监督工作", $"/p/{code}/supervision"),
        ("备案审查", $"/p/{code}/filings"),
        ("人大代表", $"/p/{code}/deputies"),
        ("联络站", $"/p/{code}/stations"),
    ];
}
