using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;

namespace Renda.Tests.Features.BudgetMonitoring;

/// <summary>The demo's budget data: Haixi's units linked to their handling units, 2023 a year of monthly batches, the current year through October, debt, Golmud.</summary>
public abstract class BudgetImportDemoTests(RendaApp app)
{
    [Fact]
    public async Task Haixi_has_its_units_a_full_2023_the_current_year_through_October_and_its_finance_bureau()
    {
        await using var s = app.Db();
        var db = s.Context;
        var haixi = await db.Congresses.SingleAsync(c => c.Code == "632800");
        var units = await db.Set<BudgetUnit>().Where(u => u.CongressId == haixi.Id).ToListAsync();
        units.Count.ShouldBeInRange(55, 65);
        var jiaoyuju = await db.Accounts.Include(a => a.Roles).SingleAsync(a => a.UserName == "jiaoyuju");
        units.Single(u => u.Name == "海西州教育局").HandlingUnitId.ShouldBe(jiaoyuju.Roles.Single().HandlingUnitId);
        units.Select(u => u.Code).ShouldBeUnique();

        var batches = await db.Set<BudgetBatch>().Where(b => b.CongressId == haixi.Id).ToListAsync();
        batches.ShouldAllBe(b => b.Channel == BudgetChannel.Demo);
        batches.Where(b => b is { Year: 2023, Kind: BudgetDataKind.Payments }).Select(b => b.Month!.Value).Order().ShouldBe(Enumerable.Range(1, 12));
        batches.Where(b => b is { Year: 2026, Kind: BudgetDataKind.Payments }).Select(b => b.Month!.Value).Order().ShouldBe(Enumerable.Range(1, 10));
        batches.Select(b => (b.Year, b.Kind)).ShouldContain((2022, BudgetDataKind.Indicators));
        (await db.Set<TreasuryPayment>().CountAsync(p => p.CongressId == haixi.Id && p.Year == 2023)).ShouldBeGreaterThan(3000);
        (await db.Set<TreasuryPayment>().Where(p => p.Year == 2023).SumAsync(p => p.Amount) > 0).ShouldBeTrue();

        var debts = await db.Set<GovernmentDebt>().Where(d => d.CongressId == haixi.Id && d.Year == 2023).ToListAsync();
        debts.Count(d => d.Balance > d.Limit).ShouldBe(1);
        (await db.Set<DebtRepayment>().CountAsync(d => d.CongressId == haixi.Id && d.Year == 2023 && d.AmountPaid < d.AmountDue)).ShouldBe(1);

        var bureau = await db.HandlingUnits.SingleAsync(h => h.CongressId == haixi.Id && h.Name == "海西州财政局");
        (await Settings.ForAsync<BudgetSettings>(db, haixi.Id)).FinanceBureauUnitId.ShouldBe(bureau.Id);

        var clocks = await db.Deadlines.Where(d => d.CongressId == haixi.Id && d.SubjectType == BudgetClocks.DataSubject && d.SubjectId.StartsWith("2026-")).ToListAsync();
        clocks.Count.ShouldBe(12);
        clocks.Single(d => d.SubjectId == "2026-10").Status.ShouldBe(DeadlineStatus.Met);
        var november = clocks.Single(d => d.SubjectId == "2026-11");
        (november.Status, november.StartsOn, november.OwnerHandlingUnitId).ShouldBe((DeadlineStatus.Open, new DateOnly(2026, 11, 30), (int?)bureau.Id));

        var golmud = await db.Congresses.SingleAsync(c => c.Code == "632801");
        (await db.Set<TreasuryPayment>().CountAsync(p => p.CongressId == golmud.Id)).ShouldBeGreaterThan(50);
        (await db.Set<BudgetClassification>().CountAsync()).ShouldBe(BudgetReferenceData.Shipped.Count);
    }

    [Fact]
    public async Task The_manifest_names_every_rule_and_the_plants_it_can_check_without_the_rules()
    {
        BudgetDemo.Planted.Keys.Order().ShouldBe(Enum.GetValues<WarningRuleKind>());
        BudgetDemo.Planted[WarningRuleKind.ExecutionLagging].ShouldBe(3 * (2 + 7));
        await using var s = app.Db();
        var db = s.Context;
        var haixi = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
        var y2023 = db.Set<TreasuryPayment>().Where(p => p.CongressId == haixi && p.Year == 2023);
        (await y2023.CountAsync(p => p.Amount > 0 && p.IndicatorDocumentNumber == null)).ShouldBe(BudgetDemo.Planted[WarningRuleKind.PaymentWithoutIndicator]);
        (await y2023.CountAsync(p => p.PayeeKind == PayeeKind.Individual && p.Amount >= 50_000)).ShouldBe(BudgetDemo.Planted[WarningRuleKind.LargePaymentToIndividual]);
        (await y2023.Where(p => p.PayeeKind == PayeeKind.Individual).MaxAsync(p => p.Amount < 50_000 ? p.Amount : 0)).ShouldBeLessThanOrEqualTo(24_000m);
        var carried = await db.Set<BudgetIndicator>().Where(i => i.CongressId == haixi && i.Source == IndicatorSource.CarryOver).Select(i => new { i.ProjectId, i.Year }).ToListAsync();
        carried.GroupBy(c => c.ProjectId).Count(g => g.Select(c => c.Year).Distinct().Count() == 3).ShouldBe(BudgetDemo.Planted[WarningRuleKind.StaleCarryOver]);
        var projects = await db.Set<BudgetIndicator>().Where(i => i.CongressId == haixi && i.Year == 2023 && i.ProjectId != null).Select(i => i.ProjectId!.Value).Distinct().ToListAsync();
        var paid = await y2023.Where(p => p.ProjectId != null).Select(p => p.ProjectId!.Value).Distinct().ToListAsync();
        projects.Except(paid).Count().ShouldBe(BudgetDemo.Planted[WarningRuleKind.IdleProject]);
    }

    [Fact]
    public async Task The_rules_find_exactly_the_planted_anomalies_of_Haixi_2023_batch_by_batch_and_over_the_whole_year()
    {
        await using var s = app.Db();
        var db = s.Context;
        var haixi = await db.Congresses.Where(c => c.Code == BudgetDemo.Haixi).Select(c => c.Id).SingleAsync();
        var expected = BudgetDemo.Planted.OrderBy(p => p.Key).ToList();
        expected.Sum(p => p.Value).ShouldBeGreaterThan(40);

        // As the demo's monthly batches raised them, each run over its batch's units and months.
        (await CountByRuleAsync(db.Set<BudgetWarning>().Where(w => w.CongressId == haixi && w.Year == BudgetDemo.StoryYear))).ShouldBe(expected);

        // And one run over the whole year finds the same, rule by rule: with the fingerprints set aside (in a transaction
        // rolled back), every anomaly is new again.
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Set<BudgetWarning>().Where(w => w.CongressId == haixi && w.Year == BudgetDemo.StoryYear)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.Fingerprint, w => "set-aside:" + w.Fingerprint));
        var raised = await WarningRules.RunYearAsync(db, haixi, BudgetDemo.StoryYear, default);
        raised.ShouldBe(expected.Sum(p => p.Value));
        (await CountByRuleAsync(db.Set<BudgetWarning>().Where(w => w.CongressId == haixi && w.Year == BudgetDemo.StoryYear && !w.Fingerprint.StartsWith("set-aside:"))))
            .ShouldBe(expected);
        await tx.RollbackAsync();
    }

    private static async Task<List<KeyValuePair<WarningRuleKind, int>>> CountByRuleAsync(IQueryable<BudgetWarning> warnings)
        => (await warnings.GroupBy(w => w.Rule).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .Select(g => KeyValuePair.Create(g.Key, g.Count)).OrderBy(p => p.Key).ToList();
}

public sealed class BudgetImportDemoTests_Sqlite(SqliteApp app) : BudgetImportDemoTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetImportDemoTests_Postgres(PostgresApp app) : BudgetImportDemoTests(app), IClassFixture<PostgresApp>;
