using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

using static BudgetAnalysisData;

/// <summary>
/// Query and analysis (查询、分析) through HTTP: every view's figures equal sums computed here from the rows the test wrote,
/// every figure's drill-down lists exactly the payments behind it, every table exports to Excel.
/// </summary>
public abstract class BudgetAnalysisTests(RendaApp app)
{
    [Fact]
    public async Task Execution_by_unit_function_economic_project_fund_and_month_equals_the_sums_of_the_rows()
    {
        var set = await app.SeedAsync("AN", 2032, units: 3, payments: 240);
        var staff = await app.ApiClientAsync("daigongwei");
        var mine = set.Units.Select(u => u.Id.ToString()).ToHashSet();

        var units = (await staff.GetJsonOkAsync("/api/v1/budget/analysis/units?year=2032")).Rows().Where(r => r.Key is not null && mine.Contains(r.Key)).ToList();
        units.Count.ShouldBe(3);
        foreach (var u in set.Units)
        {
            var row = units.Single(r => r.Key == u.Id.ToString());
            var paid = set.Payments.Where(p => p.BudgetUnitId == u.Id).Sum(p => p.Amount);
            var indicator = set.Indicators.Where(i => i.BudgetUnitId == u.Id).Sum(i => i.Amount);
            row.Cells["paid"].Dec().ShouldBe(paid);
            row.Cells["indicator"].Dec().ShouldBe(indicator);
            row.Cells["rate"].Dec().ShouldBe(Math.Round(paid / indicator * 100m, 1));
            row.Cells["schedule"].Dec().ShouldBe(100.0m);
            row.Cells["payments"].GetInt32().ShouldBe(set.Payments.Count(p => p.BudgetUnitId == u.Id));
        }

        var unit = set.Units[0].Id;
        var functions = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/functions?year=2032&unit={unit}")).Rows();
        foreach (var code in new[] { "205", "20502", "2050201", "208", "2130101" })
            functions.Single(r => r.Cells["code"].GetString() == code).Cells["paid"].Dec()
                .ShouldBe(set.Payments.Where(p => p.BudgetUnitId == unit && p.FunctionCode.StartsWith(code)).Sum(p => p.Amount), code);
        functions.Single(r => r.Cells["code"].GetString() == "20502").Cells["name"].GetString().ShouldBe("普通教育");
        functions.Single(r => r.Cells["code"].GetString() == "2050201").Cells["name"].GetString().ShouldBe("学前教育");

        var economic = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/economic?year=2032&unit={unit}")).Rows();
        economic.Single(r => r.Cells["code"].GetString() == "302").Cells["paid"].Dec()
            .ShouldBe(set.Payments.Where(p => p.BudgetUnitId == unit && p.EconomicCode.StartsWith("302")).Sum(p => p.Amount));

        var projects = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/projects?year=2032&unit={unit}")).Rows().Where(r => !r.Total).ToList();
        foreach (var p in set.Projects.Where(p => p.BudgetUnitId == unit))
            projects.Single(r => r.Key == $"{unit}:{p.Id}").Cells["paid"].Dec().ShouldBe(set.Payments.Where(x => x.ProjectId == p.Id).Sum(x => x.Amount));
        projects.Single(r => r.Key == $"{unit}:0").Cells["paid"].Dec().ShouldBe(set.Payments.Where(x => x.BudgetUnitId == unit && x.ProjectId == null).Sum(x => x.Amount));

        var funds = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/funds?year=2032&unit={unit}")).Rows();
        funds.Single(r => r.Cells["fund"].GetString() == ((int)FundNature.GovernmentFund).ToString(System.Globalization.CultureInfo.InvariantCulture)).Cells["paid"].Dec()
            .ShouldBe(set.Payments.Where(p => p.BudgetUnitId == unit && p.FundNature == FundNature.GovernmentFund).Sum(p => p.Amount));

        var months = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/months?year=2032&unit={unit}")).Rows();
        months.Count.ShouldBe(12);
        months[3].Cells["paid"].Dec().ShouldBe(set.Payments.Where(p => p.BudgetUnitId == unit && p.PaidOn.Month == 4).Sum(p => p.Amount));
        months[5].Cells["cumulative"].Dec().ShouldBe(set.Payments.Where(p => p.BudgetUnitId == unit && p.PaidOn.Month <= 6).Sum(p => p.Amount));
        // Indicators in force at the end of June: the annual lines only (the additions take effect on 1 July).
        months[5].Cells["indicator"].Dec().ShouldBe(set.Indicators.Where(i => i.BudgetUnitId == unit && i.EffectiveOn.Month <= 6).Sum(i => i.Amount));
        months[5].Cells["schedule"].Dec().ShouldBe(50.0m);
    }

    [Fact]
    public async Task A_date_inside_a_month_and_the_year_before_are_counted_to_the_day()
    {
        var last = await app.SeedAsync("CL", 2034, units: 2, payments: 120, seed: 3);
        var now = await app.SeedAsync("CN", 2035, units: 2, payments: 120, seed: 4);
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = now.Units[0].Id;
        var asOf = new DateOnly(2035, 5, 14);
        var row = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/units?year=2035&asOf=2035-05-14")).Rows().Single(r => r.Key == unit.ToString());
        var paid = now.Payments.Where(p => p.BudgetUnitId == unit && p.PaidOn <= asOf).Sum(p => p.Amount);
        row.Cells["paid"].Dec().ShouldBe(paid);
        row.Cells["schedule"].Dec().ShouldBe(Math.Round((4 + 14m / 31) / 12 * 100, 1));
        (await FollowAsync(staff, row.Drill["paid"])).Sum(p => p.GetProperty("amount").GetDecimal()).ShouldBe(paid);

        // This year against last: both years' months, the change in percent.
        var compare = (await staff.GetJsonOkAsync("/api/v1/budget/analysis/compare?year=2035&month=6")).Rows();
        compare.Count.ShouldBe(6);
        var mayNow = now.Payments.Where(p => p.PaidOn.Month == 5).Sum(p => p.Amount);
        var mayLast = last.Payments.Where(p => p.PaidOn.Month == 5).Sum(p => p.Amount);
        compare[4].Cells["paid"].Dec().ShouldBe(mayNow);
        compare[4].Cells["lastPaid"].Dec().ShouldBe(mayLast);
        compare[4].Cells["change"].Dec().ShouldBe(Math.Round((mayNow - mayLast) / mayLast * 100, 1));
        (await FollowAsync(staff, compare[4].Drill["lastPaid"])).Sum(p => p.GetProperty("amount").GetDecimal()).ShouldBe(mayLast);
    }

    [Fact]
    public async Task Every_figure_drills_down_to_exactly_the_payments_behind_it_and_to_one_payment_with_its_refund()
    {
        var set = await app.SeedAsync("DR", 2036, units: 2, payments: 150, seed: 5);
        var original = set.Payments.First(p => p.ProjectId != null && p.PaidOn.Month == 2 && p.Amount > 500);
        var refund = Payment(set, original.BudgetUnitId, original.ProjectId, "DRR00001", new DateOnly(2036, 4, 2), -300.25m, original.PayeeName, original.PayeeKind,
            original.FunctionCode, original.EconomicCode, original.FundNature, reverses: original.VoucherNumber);
        await app.ApplyPaymentsAsync(set, [refund], "DR-refund");
        var staff = await app.ApiClientAsync("daigongwei");
        var unit = set.Units[1].Id;

        foreach (var view in new[] { "units", "functions", "economic", "projects", "funds", "months", "three-public" })
        {
            var table = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/{view}?year=2036&unit={unit}")).Rows();
            foreach (var row in table.Where(r => r.Drill.ContainsKey("paid")).Take(4))
            {
                var rows = await FollowAsync(staff, row.Drill["paid"]);
                rows.Sum(p => p.GetProperty("amount").GetDecimal()).ShouldBe(row.Cells["paid"].Dec(), $"{view}: {row.Drill["paid"]}");
                if (row.Cells.TryGetValue("payments", out var n)) rows.Count.ShouldBe(n.GetInt32(), view);
            }
        }

        // Stable order: date, then id; the cursor pages through without a gap or a repeat.
        var all = await FollowAsync(staff, $"/budget/payments?year=2036&unit={unit}", size: 7);
        all.Select(p => (p.GetProperty("paidOn").GetString()!, p.GetProperty("id").GetInt64())).ShouldBe(
            set.Payments.Where(p => p.BudgetUnitId == unit).OrderBy(p => p.PaidOn).ThenBy(p => p.Id).Select(p => (p.PaidOn.ToString("yyyy-MM-dd"), p.Id)));

        var detail = await staff.GetJsonOkAsync($"/api/v1/budget/payments/2036/{original.Id}");
        detail.GetProperty("voucherNumber").GetString().ShouldBe(original.VoucherNumber);
        detail.GetProperty("unit").GetString().ShouldBe(set.Units.Single(u => u.Id == original.BudgetUnitId).Name);
        detail.GetProperty("indicatorDocumentNumber").GetString().ShouldBe(original.IndicatorDocumentNumber);
        detail.GetProperty("indicatorTotal").GetDecimal().ShouldBe(set.Indicators.Where(i => i.DocumentNumber == original.IndicatorDocumentNumber).Sum(i => i.Amount));
        detail.GetProperty("payee").GetString().ShouldBe(original.PayeeName);
        detail.GetProperty("payeeBank").GetString().ShouldBe(original.PayeeBank);
        var refunds = detail.GetProperty("refunds").EnumerateArray().ToList();
        refunds.Single().GetProperty("voucherNumber").GetString().ShouldBe("DRR00001");
        (await staff.GetJsonOkAsync($"/api/v1/budget/payments/2036/{refund.Id}")).GetProperty("reversesId").GetInt64().ShouldBe(original.Id);

        // The pages show the same: the unit's figure links to the list, the list to the payment.
        var browser = await app.BrowserClientAsync("daigongwei");
        var page = await (await browser.GetAsync($"/budget/analysis/units?year=2036")).Content.ReadAsStringAsync();
        page.ShouldContain($"/budget/payments?year=2036&amp;to=2036-12-31&amp;unit={unit}");
        var list = await (await browser.GetAsync($"/budget/payments?year=2036&unit={unit}")).Content.ReadAsStringAsync();
        list.ShouldContain($"/budget/payments/2036/");
        var one = await browser.GetAsync($"/budget/payments/2036/{original.Id}");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await one.Content.ReadAsStringAsync();
        html.ShouldContain(original.VoucherNumber);
        html.ShouldContain("DRR00001");
    }

    [Fact]
    public async Task Three_public_expenses_and_the_largest_payees_are_summed_by_unit_and_payee()
    {
        var set = await app.SeedAsync("TP", 2037, units: 2, payments: 180, seed: 6);
        var staff = await app.ApiClientAsync("daigongwei");
        var rows = (await staff.GetJsonOkAsync("/api/v1/budget/analysis/three-public?year=2037")).Rows();
        foreach (var u in set.Units)
        {
            var row = rows.Single(r => r.Cells["code"].GetString() == u.Code);
            foreach (var (key, codes) in new[] { ("abroad", new[] { "30212" }), ("reception", ["30217"]), ("vehicles", ["30231", "31013"]) })
            {
                row.Cells[key + "Paid"].Dec().ShouldBe(set.Payments.Where(p => p.BudgetUnitId == u.Id && codes.Contains(p.EconomicCode)).Sum(p => p.Amount), key);
                row.Cells[key + "Budget"].Dec().ShouldBe(set.Indicators.Where(i => i.BudgetUnitId == u.Id && codes.Contains(i.EconomicCode)).Sum(i => i.Amount), key);
                (await FollowAsync(staff, row.Drill[key + "Paid"])).Sum(p => p.GetProperty("amount").GetDecimal()).ShouldBe(row.Cells[key + "Paid"].Dec());
            }
        }
        var unit = set.Units[0].Id;
        var payees = (await staff.GetJsonOkAsync($"/api/v1/budget/analysis/payees?year=2037&unit={unit}")).Rows();
        var expected = set.Payments.Where(p => p.BudgetUnitId == unit).GroupBy(p => p.PayeeName).Select(g => (g.Key, g.Sum(p => p.Amount))).OrderByDescending(x => x.Item2).First();
        (payees[0].Cells["payee"].GetString(), payees[0].Cells["paid"].Dec()).ShouldBe(expected);
    }

    [Fact]
    public async Task Every_table_exports_to_Excel_with_a_title_a_frozen_header_and_a_landscape_page_fitted_to_width()
    {
        var set = await app.SeedAsync("XL", 2038, units: 2, payments: 60, seed: 7);
        var staff = await app.ApiClientAsync("daigongwei");
        foreach (var view in Enum.GetValues<BudgetView>().Select(BudgetViews.Slug))
        {
            var response = await staff.GetAsync($"/api/v1/budget/analysis/{view}/xlsx?year=2038");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, view);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            var (title, header, sheet) = Read(await response.Content.ReadAsByteArrayAsync());
            title.ShouldStartWith("2038年预算执行情况");
            header.ShouldNotBeEmpty();
            sheet.Descendants<Pane>().Single().VerticalSplit!.Value.ShouldBe(3);
            var setup = sheet.Descendants<PageSetup>().Single();
            (setup.Orientation!.Value, setup.FitToWidth!.Value).ShouldBe((OrientationValues.Landscape, 1u));
            sheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value.ShouldBeTrue();
        }
        var units = Read(await (await staff.GetAsync("/api/v1/budget/analysis/units/xlsx?year=2038")).Content.ReadAsByteArrayAsync()).Sheet;
        var paidCells = units.Descendants<Row>().Where(r => r.RowIndex! > 3).Select(r => r.Elements<Cell>().ElementAt(3)).ToList();
        paidCells.SkipLast(1).Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Sum()
            .ShouldBe(await UnitsPaidAsync(staff, 2038)); // the other units of the year (none) and ours
        var payments = await staff.GetAsync($"/api/v1/budget/payments/xlsx?year=2038&unit={set.Units[0].Id}");
        payments.StatusCode.ShouldBe(HttpStatusCode.OK);
        Read(await payments.Content.ReadAsByteArrayAsync()).Sheet.Descendants<Row>().Count().ShouldBe(3 + set.Payments.Count(p => p.BudgetUnitId == set.Units[0].Id));
    }

    private static async Task<decimal> UnitsPaidAsync(HttpClient client, int year)
        => (await client.GetJsonOkAsync($"/api/v1/budget/analysis/units?year={year}")).Rows().Where(r => !r.Total).Sum(r => r.Cells["paid"].Dec());

    private static (string Title, List<string> Header, Worksheet Sheet) Read(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        return (Text(rows[0].Elements<Cell>().First()), rows[2].Elements<Cell>().Select(Text).ToList(), (Worksheet)sheet.CloneNode(true));
    }

    /// <summary>
    /// The drill-down by a functional class reads a code range ("205" → ['205', '206'); "2049" → ['2049', '205'), carried);
    /// a class of more than 2,000 payments is walked in date order on SQLite, a rarer one read by the code index. Either way
    /// every payment of the class comes once, in (date, id) order, and no other.
    /// </summary>
    [Fact]
    public async Task The_drill_down_by_a_functional_class_lists_exactly_its_payments_in_date_order()
    {
        // Two of the four codes are in class 205: about 2,200 payments, over the count limit.
        var set = await app.SeedAsync("FC", 2039, units: 2, payments: 4400, seed: 9);
        var staff = await app.ApiClientAsync("daigongwei");
        foreach (var (function, prefix) in new[] { ("205", "205"), ("2080501", "2080501"), ("21", "21"), ("2049", "2049") })
        {
            var expected = set.Payments.Where(p => p.FunctionCode.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(p => p.PaidOn).ThenBy(p => p.Id)
                .Select(p => (p.PaidOn.ToString("yyyy-MM-dd"), p.Id)).ToList();
            var rows = await FollowAsync(staff, $"/budget/payments?year=2039&function={function}", size: 200);
            rows.Select(p => (p.GetProperty("paidOn").GetString()!, p.GetProperty("id").GetInt64())).ShouldBe(expected, function);
        }
        set.Payments.Count(p => p.FunctionCode.StartsWith("205", StringComparison.Ordinal)).ShouldBeGreaterThan(BudgetPayments.CountLimit);
        set.Payments.Count(p => p.FunctionCode == "2080501").ShouldBeInRange(1, BudgetPayments.CountLimit);
        BudgetPayments.PrefixRange("2049").ShouldBe(("2049", "205"));
        BudgetPayments.PrefixRange("999").ShouldBe(("999", (string?)null));
    }

    /// <summary>The deputies' service lists the year's units ten at a time: the pages together hold each unit once; page 0 is refused.</summary>
    [Fact]
    public async Task The_service_pages_the_units_ten_at_a_time()
    {
        await app.SeedAsync("SV", 2040, units: 12, payments: 60, seed: 5);
        var deputy = await app.ApiClientAsync("daibiao");
        var first = await deputy.GetJsonOkAsync("/api/v1/budget/service?year=2040");
        var count = first.GetProperty("unitCount").GetInt32();
        count.ShouldBeGreaterThanOrEqualTo(12);
        var pages = first.GetProperty("pageCount").GetInt32();
        pages.ShouldBe((count + 9) / 10);
        var seen = new List<int>();
        for (var page = 1; page <= pages; page++)
        {
            var view = page == 1 ? first : await deputy.GetJsonOkAsync($"/api/v1/budget/service?year=2040&page={page}");
            view.GetProperty("page").GetInt32().ShouldBe(page);
            var units = view.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetInt32()).ToList();
            units.Count.ShouldBe(Math.Min(10, count - (page - 1) * 10));
            seen.AddRange(units);
        }
        seen.Distinct().Count().ShouldBe(count);
        var refused = await (await deputy.GetAsync("/api/v1/budget/service?year=2040&page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.FieldErrors("page").ShouldNotBeEmpty();
    }

    /// <summary>Follows a drill-down link of a table (a page address) through the API, every page of it.</summary>
    internal static async Task<List<JsonElement>> FollowAsync(HttpClient client, string drill, int size = 200)
    {
        drill.ShouldStartWith("/budget/payments?");
        var url = "/api/v1/budget/payments?" + drill["/budget/payments?".Length..] + $"&size={size}";
        var rows = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.GetJsonOkAsync(after is null ? url : $"{url}&after={after}");
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        } while (after is not null);
        return rows;
    }
}

public sealed class BudgetAnalysisTests_Sqlite(SqliteApp app) : BudgetAnalysisTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetAnalysisTests_Postgres(PostgresApp app) : BudgetAnalysisTests(app), IClassFixture<PostgresApp>;
