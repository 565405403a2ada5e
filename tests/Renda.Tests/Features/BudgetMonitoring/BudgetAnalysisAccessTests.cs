using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

using static BudgetAnalysisData;

/// <summary>
/// Who sees what: deputies read everything but an individual payee's name; a unit's officer only their unit; the congress above
/// the summaries and warning counts of those below, never a payment row; anonymous nothing.
/// </summary>
public abstract class BudgetAnalysisAccessTests(RendaApp app)
{
    [Fact]
    public async Task A_deputy_never_receives_an_individual_payees_full_name_while_staff_do()
    {
        var set = await app.SeedAsync("MK", 2041, units: 2, payments: 90, seed: 8);
        var individual = set.Payments.First(p => p.PayeeKind == PayeeKind.Individual);
        var deputy = await app.BrowserClientAsync("daibiao");
        var staff = await app.BrowserClientAsync("daigongwei");
        var unit = set.Units[0].Id;
        var urls = new[]
        {
            "/api/v1/budget/analysis/payees?year=2041", $"/api/v1/budget/analysis/payees?year=2041&unit={unit}",
            $"/api/v1/budget/payments?year=2041&size=200", $"/api/v1/budget/payments?year=2041&unit={unit}&size=200", $"/api/v1/budget/payments/2041/{individual.Id}",
            "/api/v1/budget/service?year=2041&q=MK", $"/budget/payments?year=2041&unit={unit}", $"/budget/payments/2041/{individual.Id}", "/budget/analysis/payees?year=2041",
            "/budget/service?year=2041&q=MK", $"/api/v1/budget/payments?year=2041&payee={Uri.EscapeDataString(individual.PayeeName)}",
        };
        foreach (var url in urls)
        {
            var response = await deputy.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var name in Individuals) body.ShouldNotContain(name, customMessage: url);
        }
        foreach (var url in new[] { "/api/v1/budget/analysis/payees/xlsx?year=2041", $"/api/v1/budget/payments/xlsx?year=2041&unit={unit}" })
        {
            var export = await deputy.GetAsync(url);
            export.StatusCode.ShouldBe(HttpStatusCode.OK, url + await export.Content.ReadAsStringAsync());
            var text = XlsxText(await export.Content.ReadAsByteArrayAsync());
            foreach (var name in Individuals) text.ShouldNotContain(name, customMessage: url);
            text.ShouldContain($"{individual.PayeeName[0]}**");
            text.ShouldContain(Organisations[0]);
        }
        // A name typed into the filter does not confirm an individual was paid.
        (await deputy.GetJsonOkAsync($"/api/v1/budget/payments?year=2041&payee={Uri.EscapeDataString(individual.PayeeName)}")).GetProperty("items").GetArrayLength().ShouldBe(0);

        (await staff.GetJsonOkAsync($"/api/v1/budget/payments/2041/{individual.Id}")).GetProperty("payee").GetString().ShouldBe(individual.PayeeName);
        XlsxText(await (await staff.GetAsync($"/api/v1/budget/payments/xlsx?year=2041&unit={unit}")).Content.ReadAsByteArrayAsync()).ShouldContain(individual.PayeeName);
    }

    [Fact]
    public async Task A_units_officer_sees_only_their_unit_and_anonymous_nothing()
    {
        var education = await app.UnitIdAsync("海西州教育局");
        var set = await app.SeedAsync("UO", 2042, units: 2, payments: 60, handlingUnitId: education, seed: 9);
        var officer = await app.ApiClientAsync("jiaoyuju");
        var mine = set.Units[0].Id;
        var other = set.Units[1].Id;
        var units = (await officer.GetJsonOkAsync("/api/v1/budget/analysis/units?year=2042")).Rows().Where(r => !r.Total).ToList();
        units.Select(r => r.Key).ShouldBe([mine.ToString()]);
        units[0].Cells["paid"].Dec().ShouldBe(set.Payments.Where(p => p.BudgetUnitId == mine).Sum(p => p.Amount));
        var payments = await BudgetAnalysisTests.FollowAsync(officer, "/budget/payments?year=2042");
        payments.Select(p => p.GetProperty("budgetUnitId").GetInt32()).Distinct().ShouldBe([mine]);
        (await officer.GetAsync($"/api/v1/budget/analysis/units?year=2042&unit={other}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherPayment = set.Payments.First(p => p.BudgetUnitId == other);
        (await officer.GetAsync($"/api/v1/budget/payments/2042/{otherPayment.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/v1/budget/analysis/debt?year=2042")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var anonymous = app.Anonymous();
        (await anonymous.GetAsync("/api/v1/budget/analysis/units?year=2042")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/budget/payments?year=2042")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/budget")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_congress_above_sees_summaries_and_warning_counts_of_those_below_but_never_a_payment()
    {
        var set = await app.SeedAsync("LV", 2043, units: 2, payments: 60, congressCode: "632801", seed: 10);
        await using (var scope = app.Db())
        {
            scope.Context.Add(new BudgetWarning
            {
                CongressId = set.CongressId, Rule = WarningRuleKind.LargePaymentToIndividual, Year = 2043, Fingerprint = "LargePaymentToIndividual:2043:LV-test",
                BudgetUnitId = set.Units[0].Id, Title = "LV测试单位1 向个人支付大额资金", Detail = "测试", Figure = 60_000, Threshold = 50_000, RaisedOn = new DateOnly(2043, 3, 1),
            });
            await scope.Context.SaveChangesAsync();
        }
        var haixi = await app.ApiClientAsync("daigongwei");   // Golmud (632801) is below Haixi (632800)
        var province = await app.ApiClientAsync("qh-staff");  // and two levels below Qinghai
        foreach (var above in new[] { haixi, province })
        {
            var units = (await above.GetJsonOkAsync("/api/v1/budget/analysis/units?year=2043&congress=632801")).Rows();
            units.Single(r => r.Total).Cells["paid"].Dec().ShouldBe(set.Payments.Sum(p => p.Amount));
            units.ShouldAllBe(r => r.Drill.Count == 0);
            (await above.GetJsonOkAsync("/api/v1/budget/analysis/months?year=2043&congress=632801")).Rows()[2].Cells["paid"].Dec()
                .ShouldBe(set.Payments.Where(p => p.PaidOn.Month == 3).Sum(p => p.Amount));
            var counts = await above.GetJsonOkAsync("/api/v1/budget/warning-counts?year=2043&congress=632801");
            counts.EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "LargePaymentToIndividual" && c.GetProperty("status").GetString() == "Raised")
                .GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

            var refused = await above.GetAsync("/api/v1/budget/payments?year=2043&congress=632801");
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("不能查看支付明细");
            (await above.GetAsync($"/api/v1/budget/payments/2043/{set.Payments[0].Id}?congress=632801")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await above.GetAsync("/api/v1/budget/analysis/projects?year=2043&congress=632801")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await above.GetAsync("/api/v1/budget/analysis/payees?year=2043&congress=632801")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        // Its own staff see its payments; without the congress parameter, Haixi's own id finds no Golmud payment.
        var golmud = await app.ApiClientAsync("gem-staff");
        (await golmud.GetJsonOkAsync("/api/v1/budget/payments?year=2043")).GetProperty("counted").GetInt32().ShouldBe(set.Payments.Count);
        (await haixi.GetAsync($"/api/v1/budget/payments/2043/{set.Payments[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Golmud may not look up at Haixi.
        (await golmud.GetAsync("/api/v1/budget/analysis/units?year=2043&congress=632800")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var below = (await haixi.GetJsonOkAsync("/api/v1/budget/below?year=2043")).EnumerateArray().Single(c => c.GetProperty("code").GetString() == "632801");
        below.GetProperty("paid").GetDecimal().ShouldBe(set.Payments.Sum(p => p.Amount));
        below.GetProperty("openWarnings").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var page = await app.BrowserClientAsync("daigongwei");
        var refusedPage = await page.GetAsync("/budget/payments?year=2043&congress=632801");
        refusedPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refusedPage.Content.ReadAsStringAsync()).ShouldContain("不能查看支付明细");
        (await (await page.GetAsync("/budget/below?year=2043")).Content.ReadAsStringAsync()).ShouldContain("格尔木市人大常委会");

        // Golmud's start page opens on the current year (the demo's sample) and links the other years with data.
        var golmudPage = await app.BrowserClientAsync("gem-staff");
        var start = await (await golmudPage.GetAsync("/budget")).Content.ReadAsStringAsync();
        start.ShouldContain($"显示本年度（{Renda.Web.Platform.Calendar.WorkCalendar.Today(app.Clock).Year}年）");
        start.ShouldContain("href=\"/budget?year=2043\"");
    }

    private static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
            using (var reader = new StreamReader(entry.Open()))
                text.Append(reader.ReadToEnd());
        return text.ToString();
    }
}

public sealed class BudgetAnalysisAccessTests_Sqlite(SqliteApp app) : BudgetAnalysisAccessTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetAnalysisAccessTests_Postgres(PostgresApp app) : BudgetAnalysisAccessTests(app), IClassFixture<PostgresApp>;
