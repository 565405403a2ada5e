using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Legislation;

/// <summary>The module's pages render for the people who use them, over the demo's records, and refuse the others.</summary>
public abstract class LegislationPagesTests(RendaApp app)
{
    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    [Fact]
    public async Task Province_staff_see_the_plan_bills_comparison_comments_contact_points_approvals_and_statistics()
    {
        var staff = await app.BrowserClientAsync("qh-staff");
        (await PageAsync(staff, "/legislation/statistics?year=2024")).ShouldContain("data-testid=\"total\">21<");
        (await PageAsync(staff, "/legislation/statistics?year=2024")).ShouldContain("data-testid=\"approved\">38<");
        (await PageAsync(staff, "/legislation/plan?year=2024")).ShouldContain("青海省国家生态文明高地建设条例");
        (await PageAsync(staff, "/legislation/contact-points?year=2024")).ShouldContain("data-testid=\"point-count\">34<");
        (await PageAsync(staff, "/legislation/approvals?year=2024")).ShouldContain("data-testid=\"approved-count\">38<");
        var list = await PageAsync(staff, "/legislation/bills");
        var eco = (await staff.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Qinghai}/bills")).EnumerateArray().Single(b => b.Str("title") == "青海省国家生态文明高地建设条例").Id();
        list.ShouldContain($"/legislation/bills/{eco}");
        var detail = await PageAsync(staff, $"/legislation/bills/{eco}");
        detail.ShouldContain("三审");
        detail.ShouldContain("公告第13号");
        var versions = (await staff.GetJsonAsync($"/api/v1/bills/{eco}")).GetProperty("versions").EnumerateArray().Select(v => v.Id()).ToList();
        (await PageAsync(staff, $"/legislation/bills/{eco}/versions/{versions[0]}")).ShouldContain("意见 2");
        var compare = await PageAsync(staff, $"/legislation/bills/{eco}/compare?a={versions[0]}&b={versions[1]}");
        compare.ShouldContain("cmp-ins");
        compare.ShouldContain("与清洁生产促进法重复，删去。");
        var period = (await staff.GetJsonAsync($"/api/v1/bills/{eco}")).GetProperty("commentPeriodIds")[0].GetInt32();
        (await PageAsync(staff, "/legislation/comments")).ShouldContain($"/legislation/comments/{period}");
        (await PageAsync(staff, $"/legislation/comments/{period}")).ShouldContain("已公布的采纳情况说明");
        (await PageAsync(app.Anonymous(), $"/legislation/public/comments/{period}")).ShouldContain("意见采纳情况");
    }

    [Fact]
    public async Task Prefecture_staff_see_their_bills_with_the_shelved_flag_and_a_deputy_may_not_open_the_staff_pages()
    {
        var staff = await app.BrowserClientAsync("fagongwei");
        (await PageAsync(staff, "/legislation/bills")).ShouldContain("搁置满两年");
        (await PageAsync(staff, "/legislation/plan")).ShouldContain("柴达木盆地水资源保护条例");
        (await PageAsync(staff, "/legislation/approvals?year=2023")).ShouldContain("冷湖天文观测环境保护条例");
        var api = await app.ApiClientAsync("fagongwei");
        var water = (await api.GetJsonAsync($"/api/v1/congresses/{LegislationSteps.Haixi}/bills")).EnumerateArray().Single(b => b.Str("title") == "海西蒙古族藏族自治州柴达木盆地水资源保护条例");
        var bill = await api.BillAsync(water.Id());
        var detail = await PageAsync(staff, $"/legislation/bills/{water.Id()}");
        detail.ShouldContain("data-testid=\"reading-form\"");
        detail.ShouldContain("州中级人民法院"); // contact points offered for the next comment period
        (await PageAsync(staff, $"/legislation/bills/{water.Id()}/versions/{bill.GetProperty("versions")[0].Id()}")).ShouldContain("意见 1");
        var period = await PageAsync(staff, $"/legislation/comments/{bill.GetProperty("commentPeriodIds")[0].GetInt32()}");
        period.ShouldContain("data-testid=\"point-form\"");
        period.ShouldContain("盐湖企业用水量大");
        var deputy = await app.BrowserClientAsync("daibiao");
        (await deputy.GetAsync("/legislation/bills")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await app.Anonymous().GetAsync("/legislation/bills")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

public sealed class LegislationPagesTests_Sqlite(SqliteApp app) : LegislationPagesTests(app), IClassFixture<SqliteApp>;
public sealed class LegislationPagesTests_Postgres(PostgresApp app) : LegislationPagesTests(app), IClassFixture<PostgresApp>;
