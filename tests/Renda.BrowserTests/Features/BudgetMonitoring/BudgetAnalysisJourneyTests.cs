using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Renda.Web.Data;
using Renda.Web.Features.BudgetMonitoring;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.BudgetMonitoring;

/// <summary>
/// Budget analysis in a real browser: a deputy on a phone finds a project by name in 代表查询 and sees its execution without
/// sideways scrolling; staff drill from a unit's figure to its payments and to one payment.
/// </summary>
public sealed class BudgetAnalysisJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Project = "柴达木盆地草原生态保护修复工程";

    [Fact]
    public async Task A_deputy_on_a_phone_finds_a_project_and_staff_drill_from_a_unit_to_one_payment()
    {
        var (unitId, paid, vouchers) = await SeedAsync();

        var (deputy, shell) = await SignedInAsync("daibiao", phone: true);
        await shell.OpenFoldedMenuAsync();
        await shell.MenuEntry("代表查询").ClickAsync();
        await deputy.Page.WaitForURLAsync("**/budget/service");
        var service = new BudgetServicePage(deputy.Page);
        // The demo's sixty units come ten at a time, with a pager a thumb can hit, not as one long scroll.
        await Expect(service.UnitCards).ToHaveCountAsync(BudgetServiceQueries.UnitPageSize);
        await Expect(service.UnitsPage).ToContainTextAsync("第 1 /");
        var first = await service.UnitCards.First.InnerTextAsync();
        await ShouldFitThePhoneAsync(service);
        await service.NextUnitsAsync();
        await Expect(service.UnitsPage).ToContainTextAsync("第 2 /");
        await Expect(service.UnitCards.First).Not.ToHaveTextAsync(first);
        await Expect(deputy.Page.GetByTestId("units-prev")).ToBeVisibleAsync();
        await ShouldFitThePhoneAsync(service);
        await service.FindAsync("草原生态");
        var card = service.ProjectCard(Project);
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.GetByTestId("project-paid")).ToHaveTextAsync(paid.ToString("N2", CultureInfo.InvariantCulture) + " 元");
        await Expect(card.GetByTestId("project-rate")).ToContainTextAsync("%");
        await Expect(deputy.Page.Locator("main")).Not.ToContainTextAsync("王小明");
        await ShouldFitThePhoneAsync(service);
        await CspShouldBeCleanAsync(deputy);
        await SnapAsync(deputy, "1-service");

        var (staff, _) = await SignedInAsync("daigongwei");
        var analysis = await BudgetAnalysisPage.OpenAsync(staff.Page, "units", "year=2026");
        await Expect(analysis.Row(unitId.ToString())).ToContainTextAsync("海西州草原工作站");
        await SnapAsync(staff, "2-units");
        var payments = await analysis.DrillAsync(unitId.ToString(), "paid");
        await Expect(payments.Count).ToHaveTextAsync($"共 {vouchers.Count} 笔");
        await Expect(payments.Rows).ToHaveCountAsync(vouchers.Count);
        await SnapAsync(staff, "3-payments");
        await payments.OpenPaymentAsync(vouchers[0]);
        await Expect(payments.Voucher).ToHaveTextAsync(vouchers[0]);
        await Expect(payments.Detail).ToContainTextAsync("王小明");
        await Expect(payments.Detail).ToContainTextAsync(Project);
        await CspShouldBeCleanAsync(staff);
    }

    /// <summary>One unit with one project, its indicator and a dozen payments of 2026, written as the import writes them.</summary>
    private async Task<(int UnitId, decimal Paid, List<string> Vouchers)> SeedAsync()
    {
        using var scope = App.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var congress = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
        var unit = new BudgetUnit { CongressId = congress, Code = "BR001", Name = "海西州草原工作站" };
        db.Add(unit);
        await db.SaveChangesAsync();
        var project = new BudgetProject { CongressId = congress, BudgetUnitId = unit.Id, Code = "BR001-01", Name = Project, Kind = "项目支出" };
        var batch = new BudgetBatch { CongressId = congress, Kind = BudgetDataKind.Payments, Channel = BudgetChannel.Demo, ExternalId = "browser-budget", ContentHash = "browser-budget", Year = 2026, ReceivedAt = DateTime.UtcNow };
        db.AddRange(project, batch);
        await db.SaveChangesAsync();
        db.Add(new BudgetIndicator
        {
            CongressId = congress, BatchId = batch.Id, Year = 2026, DocumentNumber = "西财预〔2026〕901号", BudgetUnitId = unit.Id, FunctionCode = "2130101", EconomicCode = "30227",
            ProjectId = project.Id, FundNature = FundNature.GeneralPublic, Source = IndicatorSource.AnnualBudget, Amount = 2_000_000m, EffectiveOn = new DateOnly(2026, 1, 1),
        });
        var next = (await db.Set<TreasuryPayment>().MaxAsync(p => (long?)p.Id) ?? 0) + 1;
        var payments = Enumerable.Range(1, 12).Select(i => new TreasuryPayment
        {
            Year = 2026, Id = next++, CongressId = congress, BatchId = batch.Id, VoucherNumber = $"BRZF2026{i:D4}", BudgetUnitId = unit.Id, FunctionCode = "2130101", EconomicCode = "30227",
            ProjectId = project.Id, IndicatorDocumentNumber = "西财预〔2026〕901号", FundNature = FundNature.GeneralPublic, Method = PaymentMethod.Direct, Amount = 10_000m * i + 0.5m,
            PayeeName = i == 1 ? "王小明" : "青海绿原生态工程有限公司", PayeeKind = i == 1 ? PayeeKind.Individual : PayeeKind.Organisation, PayeeBank = "青海银行德令哈支行",
            Summary = "草原围栏建设款", PaidOn = new DateOnly(2026, Math.Min(10, i), 10), ClearedOn = new DateOnly(2026, Math.Min(10, i), 11),
        }).ToList();
        db.AddRange(payments);
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await BudgetBatchEffects.ApplyAsync(db, new BudgetBatchScope(congress, BudgetDataKind.Payments, 2026, payments.Select(p => p.PaidOn.Month).ToHashSet(), new HashSet<int> { unit.Id }),
            CancellationToken.None);
        await tx.CommitAsync();
        return (unit.Id, payments.Sum(p => p.Amount), payments.OrderBy(p => p.PaidOn).ThenBy(p => p.Id).Select(p => p.VoucherNumber).ToList());
    }
}
