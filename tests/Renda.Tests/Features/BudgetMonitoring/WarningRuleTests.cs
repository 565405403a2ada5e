using System.Text.Json;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

/// <summary>
/// Every rule of budget-rules.md firing and not firing at its boundary, with its figure, threshold, fingerprint and evidence;
/// never raised twice; run only over what a batch could change. Data is written directly and the batch's effects run as the
/// import runs them.
/// </summary>
public abstract class WarningRuleTests(RendaApp app)
{
    private const int Y = 2025;

    private async Task<List<JsonElement>> OfRuleAsync(BudgetUnit unit, WarningRuleKind rule)
        => (await app.WarningsAsync(unit.Id)).Where(w => w.Str("rule") == rule.ToString()).ToList();

    [Fact]
    public async Task Execution_lagging_fires_when_more_than_15_points_behind_at_a_cut_off_for_units_and_large_projects()
    {
        var d = new BudgetTestData(app);
        var onEdge = await d.UnitAsync("海西州水利局");
        var behind = await d.UnitAsync("海西州林草局");
        var behindProject = await d.ProjectAsync(behind, "天然林保护");
        var smallProject = await d.ProjectAsync(behind, "林业宣传");
        var onlyProject = await d.UnitAsync("海西州发改委");
        var big = await d.ProjectAsync(onlyProject, "重点项目前期");
        var stalled = await d.ProjectAsync(onlyProject, "园区基础设施");
        // Exactly 15 points behind at 06-30 (35 % against 50 %), then on schedule: nothing.
        d.Indicator(onEdge, "西财预〔2025〕1号", 1_000_000m, "2025-01-01")
            .Payment(onEdge, "西财预〔2025〕1号", 350_000m, "2025-06-30").Payment(onEdge, "西财预〔2025〕1号", 400_000m, "2025-09-30")
            .Payment(onEdge, "西财预〔2025〕1号", 83_400m, "2025-10-20");
        // A hair more behind at 06-30 (524,999.99 of 1,499,999.99), on schedule later; its project is at 52.5 %, and the
        // project under ¥500,000 (nothing paid by 06-30) is not checked on its own.
        d.Indicator(behind, "西财预〔2025〕2号", 1_000_000m, "2025-01-01", behindProject).Indicator(behind, "西财预〔2025〕3号", 499_999.99m, "2025-01-01", smallProject)
            .Payment(behind, "西财预〔2025〕2号", 524_999.99m, "2025-06-30", behindProject).Payment(behind, "西财预〔2025〕3号", 1m, "2025-07-05", smallProject)
            .Payment(behind, "西财预〔2025〕2号", 600_000m, "2025-09-30", behindProject).Payment(behind, "西财预〔2025〕3号", 124_999m, "2025-10-31", smallProject);
        // The unit keeps pace, one project of ¥600,000 pays nothing: three project warnings, no unit warning.
        d.Indicator(onlyProject, "西财预〔2025〕4号", 2_000_000m, "2025-01-01", big).Indicator(onlyProject, "西财预〔2025〕5号", 600_000m, "2025-01-01", stalled)
            .Payment(onlyProject, "西财预〔2025〕4号", 1_000_000m, "2025-03-01", big).Payment(onlyProject, "西财预〔2025〕4号", 950_000m, "2025-09-01", big)
            .Payment(onlyProject, "西财预〔2025〕4号", 50_000m, "2025-10-01", big);
        await d.ApplyBothAsync(Y);

        (await OfRuleAsync(onEdge, WarningRuleKind.ExecutionLagging)).ShouldBeEmpty();
        var lagging = (await OfRuleAsync(behind, WarningRuleKind.ExecutionLagging)).Single();
        (await app.FingerprintsAsync(d.CongressId, $"ExecutionLagging:")).Where(f => f.EndsWith($":unit:{behind.Id}") || f.Contains(":project:" + behindProject.Id) || f.Contains(":project:" + smallProject.Id))
            .ShouldBe([$"ExecutionLagging:2025-06-30:unit:{behind.Id}"]);
        lagging.GetProperty("threshold").GetDecimal().ShouldBe(15m);
        var row = await app.WarningRowAsync(lagging.Id());
        row.Detail.ShouldContain("截至2025-06-30 预算执行率 35.0%，时间进度 50.0%");
        row.Evidence.Count.ShouldBe(2);
        row.Evidence.ShouldAllBe(e => e.Kind == EvidenceKind.Indicator);

        var projects = await OfRuleAsync(onlyProject, WarningRuleKind.ExecutionLagging);
        projects.ShouldAllBe(w => w.GetProperty("projectId").GetInt32() == stalled.Id);
        projects.Select(w => w.GetProperty("figure").GetDecimal()).Order().ShouldBe([50m, 75m, 83.33m]);
    }

    [Fact]
    public async Task Payments_without_an_indicator_or_above_it_fire_and_payments_within_it_do_not()
    {
        var d = new BudgetTestData(app);
        var unit = await d.UnitAsync("海西州卫健委");
        var other = await d.UnitAsync("海西州民政局");
        d.Indicator(unit, "西财预〔2025〕10号", 100_000m, "2025-01-01").Indicator(unit, "西财预〔2025〕11号", 100_000m, "2025-01-01")
            .Indicator(unit, "西财预〔2025〕12号", 100_000m, "2025-01-01").Indicator(unit, "西财预〔2025〕12号", -10_000m, "2025-05-01", source: IndicatorSource.Reduction)
            .Indicator(other, "西财预〔2025〕99号", 500_000m, "2025-01-01")
            .Payment(unit, "西财预〔2025〕10号", 100_000m, "2025-03-01")                       // exactly the indicator: fine
            .Payment(unit, "西财预〔2025〕11号", 60_000m, "2025-03-01").Payment(unit, "西财预〔2025〕11号", 40_000.01m, "2025-04-01") // a cent above
            .Payment(unit, "西财预〔2025〕12号", 95_000m, "2025-06-01")                         // above after the reduction
            .Payment(unit, null, 1_000m, "2025-03-02")                                           // no document
            .Payment(unit, "西财预〔2025〕404号", 2_000m, "2025-03-03")                         // an unknown document
            .Payment(unit, "西财预〔2025〕99号", 3_000m, "2025-03-04")                          // another unit's document
            .Payment(unit, null, -500m, "2025-03-05")                                            // a refund is no payment without indicator
            .Payment(other, "西财预〔2025〕99号", 400_000m, "2025-02-01");
        await d.ApplyBothAsync(Y);

        var without = await OfRuleAsync(unit, WarningRuleKind.PaymentWithoutIndicator);
        without.Select(w => w.GetProperty("figure").GetDecimal()).Order().ShouldBe([1_000m, 2_000m, 3_000m]);
        var above = await OfRuleAsync(unit, WarningRuleKind.PaymentAboveIndicator);
        above.Select(w => (w.GetProperty("figure").GetDecimal(), w.GetProperty("threshold").GetDecimal())).OrderBy(x => x.Item1)
            .ShouldBe([(95_000m, 90_000m), (100_000.01m, 100_000m)]);
        (await app.FingerprintsAsync(d.CongressId, $"PaymentAboveIndicator:{Y}:{unit.Id}:")).ShouldBe([$"PaymentAboveIndicator:{Y}:{unit.Id}:西财预〔2025〕11号", $"PaymentAboveIndicator:{Y}:{unit.Id}:西财预〔2025〕12号"]);
        (await app.WarningRowAsync(above.Single(w => w.GetProperty("threshold").GetDecimal() == 100_000m).Id())).Evidence.Count.ShouldBe(2);
        (await app.WarningsAsync(other.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Year_end_rush_fires_above_half_of_the_year_in_December()
    {
        var d = new BudgetTestData(app);
        var unit = await d.UnitAsync("海西州住建局");
        var half = await d.ProjectAsync(unit, "老旧小区改造");
        var rush = await d.ProjectAsync(unit, "城市亮化");
        d.Indicator(unit, "西财预〔2025〕20号", 1_000m, "2025-01-01", half).Indicator(unit, "西财预〔2025〕21号", 1_000m, "2025-01-01", rush)
            .Payment(unit, "西财预〔2025〕20号", 100m, "2025-02-01", half).Payment(unit, "西财预〔2025〕20号", 400m, "2025-11-30", half).Payment(unit, "西财预〔2025〕20号", 500m, "2025-12-01", half)
            .Payment(unit, "西财预〔2025〕21号", 100m, "2025-02-01", rush).Payment(unit, "西财预〔2025〕21号", 399.98m, "2025-11-30", rush).Payment(unit, "西财预〔2025〕21号", 500.02m, "2025-12-31", rush);
        await d.ApplyBothAsync(Y);

        var w = (await OfRuleAsync(unit, WarningRuleKind.YearEndRush)).Single();
        w.GetProperty("projectId").GetInt32().ShouldBe(rush.Id);
        w.GetProperty("figure").GetDecimal().ShouldBe(50m); // 50.002 % stored to two decimals; it fired because it is above 50
        w.GetProperty("threshold").GetDecimal().ShouldBe(50m);
        (await app.WarningRowAsync(w.Id())).Evidence.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Large_payments_to_individuals_and_split_payments_fire_at_their_thresholds()
    {
        var d = new BudgetTestData(app);
        var unit = await d.UnitAsync("海西州文旅局");
        d.Indicator(unit, "西财预〔T〕1号", 10_000_000m, "2025-01-01")
            .ToIndividual(unit, 50_000m, "2025-03-01", "王五")                  // at the threshold: fires
            .ToIndividual(unit, 49_999.99m, "2025-03-20", "赵六")               // below, alone: nothing
            .Payment(unit, "西财预〔T〕1号", 80_000m, "2025-03-21")             // to an organisation: nothing
            // Three within five days (day 1 … day 5) summing 57,000: a split cluster starting 04-01.
            .ToIndividual(unit, 19_000m, "2025-04-01", "孙七").ToIndividual(unit, 19_000m, "2025-04-03", "孙七").ToIndividual(unit, 19_000m, "2025-04-05", "孙七")
            // Two 25,000 on the same day: 50,000 reaches the threshold.
            .ToIndividual(unit, 25_000m, "2025-05-10", "周八").ToIndividual(unit, 25_000m, "2025-05-10", "周八")
            // Two just under: 49,999.98.
            .ToIndividual(unit, 24_999.99m, "2025-06-10", "吴九").ToIndividual(unit, 24_999.99m, "2025-06-11", "吴九")
            // The second falls on day 6, outside the window.
            .ToIndividual(unit, 30_000m, "2025-07-01", "郑十").ToIndividual(unit, 30_000m, "2025-07-06", "郑十");
        await d.ApplyAsync(BudgetDataKind.Indicators, Y);
        (await d.ApplyAsync(BudgetDataKind.Payments, Y)).ShouldBeGreaterThan(0);

        var large = (await OfRuleAsync(unit, WarningRuleKind.LargePaymentToIndividual)).Single();
        large.GetProperty("figure").GetDecimal().ShouldBe(50_000m);
        var split = await app.FingerprintsAsync(d.CongressId, $"SplitPayments:{Y}:{unit.Id}:");
        split.ShouldBe([$"SplitPayments:{Y}:{unit.Id}:孙七:2025-04-01", $"SplitPayments:{Y}:{unit.Id}:周八:2025-05-10"], ignoreOrder: true);
        var cluster = (await OfRuleAsync(unit, WarningRuleKind.SplitPayments)).Single(w => w.GetProperty("figure").GetDecimal() == 57_000m);
        (await app.WarningRowAsync(cluster.Id())).Evidence.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Idle_projects_carry_overs_and_three_public_expenses_fire_at_their_boundaries()
    {
        var d = new BudgetTestData(app);
        var unit = await d.UnitAsync("海西州交通局");
        var idle = await d.ProjectAsync(unit, "农村公路养护");
        var paidOnQuarterEnd = await d.ProjectAsync(unit, "客运站改造");
        var late = await d.ProjectAsync(unit, "公路应急");
        var stale = await d.ProjectAsync(unit, "国道改扩建");
        var twoYears = await d.ProjectAsync(unit, "县乡道路");
        d.Indicator(unit, "西财预〔2025〕30号", 200_000m, "2025-01-01", idle)
            .Indicator(unit, "西财预〔2025〕31号", 200_000m, "2025-01-01", paidOnQuarterEnd).Payment(unit, "西财预〔2025〕31号", 10m, "2025-03-31", paidOnQuarterEnd)
            .Indicator(unit, "西财预〔2025〕32号", 200_000m, "2025-04-15", late).Payment(unit, "西财预〔2025〕32号", 10m, "2025-07-01", late)
            .Indicator(unit, "西财预〔2023〕33号", 50_000m, "2023-01-10", stale, source: IndicatorSource.CarryOver)
            .Indicator(unit, "西财预〔2024〕33号", 40_000m, "2024-01-10", stale, source: IndicatorSource.CarryOver)
            .Indicator(unit, "西财预〔2025〕33号", 30_000m, "2025-01-10", stale, source: IndicatorSource.CarryOver).Payment(unit, "西财预〔2025〕33号", 30_000m, "2025-02-01", stale)
            .Indicator(unit, "西财预〔2024〕34号", 40_000m, "2024-01-10", twoYears, source: IndicatorSource.CarryOver)
            .Indicator(unit, "西财预〔2025〕34号", 30_000m, "2025-01-10", twoYears, source: IndicatorSource.CarryOver).Payment(unit, "西财预〔2025〕34号", 30_000m, "2025-02-01", twoYears)
            // 三公: reception exactly at its budget; vehicles (30231 + 31013) a cent above.
            .Indicator(unit, "西财预〔2025〕35号", 10_000m, "2025-01-01", economic: "30217").Payment(unit, "西财预〔2025〕35号", 10_000m, "2025-03-01", economic: "30217")
            .Indicator(unit, "西财预〔2025〕36号", 10_000m, "2025-01-01", economic: "30231").Payment(unit, "西财预〔2025〕36号", 6_000m, "2025-03-01", economic: "30231")
            .Payment(unit, "西财预〔2025〕36号", 4_000.01m, "2025-03-02", economic: "31013");
        await d.ApplyBothAsync(Y);

        var idleOnes = await OfRuleAsync(unit, WarningRuleKind.IdleProject);
        idleOnes.Select(w => w.GetProperty("projectId").GetInt32()).Order().ShouldBe(new[] { idle.Id, late.Id }.Order());
        idleOnes.Single(w => w.GetProperty("projectId").GetInt32() == late.Id).Str("title").ShouldContain("截至2025-06-30");
        idleOnes.Single(w => w.GetProperty("projectId").GetInt32() == idle.Id).Str("title").ShouldContain("截至2025-03-31");
        (await OfRuleAsync(unit, WarningRuleKind.StaleCarryOver)).Select(w => w.GetProperty("projectId").GetInt32()).ShouldBe([stale.Id]);
        (await app.WarningRowAsync((await OfRuleAsync(unit, WarningRuleKind.StaleCarryOver)).Single().Id())).Evidence.Count.ShouldBe(3);
        (await app.FingerprintsAsync(d.CongressId, $"ThreePublicOverBudget:{Y}:{unit.Id}:")).ShouldBe([$"ThreePublicOverBudget:{Y}:{unit.Id}:vehicles"]);
    }

    [Fact]
    public async Task Debt_above_its_limit_and_an_overdue_repayment_fire_and_equal_or_paid_ones_do_not()
    {
        var congress = await BudgetTestData.HaixiIdAsync(app);
        var d = new BudgetTestData(app);
        d.Debt(congress, 2021, DebtKind.Special, 1_000_000m, 1_000_000.01m).Debt(congress, 2021, DebtKind.General, 1_000_000m, 1_000_000m)
            .Repayment(congress, 2021, "2016年海西州政府一般债券（一期）", "2021-11-15", 500_000m, 0m)
            .Repayment(congress, 2021, "2016年海西州政府一般债券（二期）", "2021-11-15", 500_000m, 500_000m);
        (await d.ApplyAsync(BudgetDataKind.Debt, 2021)).ShouldBe(2);
        (await app.FingerprintsAsync(congress, "DebtAboveLimit:2021:")).ShouldBe(["DebtAboveLimit:2021:Special"]);
        var overdue = (await app.WarningsAsync(year: 2021, rule: nameof(WarningRuleKind.RepaymentOverdue))).Single();
        overdue.GetProperty("figure").GetDecimal().ShouldBe(500_000m);

        // A repayment due today is not overdue yet (DueOn < today).
        d.Repayment(congress, 2026, "2021年海西州政府专项债券", MeetingSteps.Today.Iso(), 100_000m, 0m);
        (await d.ApplyAsync(BudgetDataKind.Debt, 2026)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_anomaly_is_never_raised_twice_whatever_the_warnings_state()
    {
        var d = new BudgetTestData(app);
        var unit = await d.UnitAsync("海西州审计局");
        d.Indicator(unit, "西财预〔T〕1号", 1_000_000m, "2025-01-01").ToIndividual(unit, 90_000m, "2025-08-01", "钱一").ToIndividual(unit, 20_000m, "2025-08-02", "钱二");
        await d.ApplyBothAsync(Y);
        var first = await app.WarningsAsync(unit.Id);
        var large = first.Single(w => w.Str("rule") == nameof(WarningRuleKind.LargePaymentToIndividual));
        await (await app.StaffAsync()).PostJsonAsync($"{BudgetWarningSteps.Warnings}/{large.Id()}/dismiss", new { reason = "经核实为抚恤金，依规发放。" }).DoneAsync();

        // Another batch of the same unit and month, and a full recheck of the year: nothing new.
        d.ToIndividual(unit, 1_000m, "2025-08-20", "钱三");
        (await d.ApplyAsync(BudgetDataKind.Payments, Y)).ShouldBe(0);
        var recheck = await (await app.StaffAsync()).PostJsonAsync($"{BudgetWarningSteps.Warnings}/recheck", new { year = Y }).OkAsync();
        (await app.WarningsAsync(unit.Id)).Select(w => w.Id()).Order().ShouldBe(first.Select(w => w.Id()).Order());
        recheck.GetProperty("year").GetInt32().ShouldBe(Y);
    }

    [Fact]
    public async Task A_batch_is_checked_only_over_its_units_and_months_and_a_recheck_covers_the_year()
    {
        var d = new BudgetTestData(app);
        var a = await d.UnitAsync("海西州科技局");
        var b = await d.UnitAsync("海西州统计局");
        d.Indicator(a, "西财预〔T〕1号", 1_000_000m, "2025-01-01").Indicator(b, "西财预〔T〕1号", 1_000_000m, "2025-01-01");
        await d.ApplyAsync(BudgetDataKind.Indicators, Y, months: [1], units: [a.Id, b.Id]);

        // A batch of unit a in March, although it also carries b's rows and an earlier month of a: only a, March on.
        d.ToIndividual(a, 70_000m, "2025-03-05", "甲").ToIndividual(a, 70_000m, "2025-01-05", "乙").ToIndividual(b, 70_000m, "2025-03-05", "丙");
        await d.ApplyAsync(BudgetDataKind.Payments, Y, months: [3], units: [a.Id]);
        (await OfRuleAsync(a, WarningRuleKind.LargePaymentToIndividual)).Select(w => w.GetProperty("figure").GetDecimal()).ShouldBe([70_000m]);
        (await OfRuleAsync(b, WarningRuleKind.LargePaymentToIndividual)).ShouldBeEmpty();

        await (await app.StaffAsync()).PostJsonAsync($"{BudgetWarningSteps.Warnings}/recheck", new { year = Y }).OkAsync();
        (await OfRuleAsync(a, WarningRuleKind.LargePaymentToIndividual)).Count.ShouldBe(2);
        (await OfRuleAsync(b, WarningRuleKind.LargePaymentToIndividual)).Count.ShouldBe(1);
    }
}

public sealed class WarningRuleTests_Sqlite(SqliteApp app) : WarningRuleTests(app), IClassFixture<SqliteApp>;
public sealed class WarningRuleTests_Postgres(PostgresApp app) : WarningRuleTests(app), IClassFixture<PostgresApp>;
