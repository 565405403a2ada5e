using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

/// <summary>
/// The finance bureau's data written straight through the DbContext (this part has no import), then the batch's effects run
/// as the import runs them: BudgetBatchEffects.ApplyAsync inside the batch's transaction. Every unit gets a fresh code, so
/// tests sharing an app never see each other's rows.
/// </summary>
public sealed class BudgetTestData(RendaApp app)
{
    private static long s_id = 9_000_000_000;
    private static int s_code;

    private readonly List<BudgetIndicator> indicators = [];
    private readonly List<TreasuryPayment> payments = [];
    private readonly List<GovernmentDebt> debts = [];
    private readonly List<DebtRepayment> repayments = [];

    public int CongressId { get; private set; }

    public static async Task<int> HaixiIdAsync(RendaApp app)
    {
        await using var scope = app.Db();
        return await scope.Context.Congresses.Where(c => c.Code == MeetingSteps.Haixi).Select(c => c.Id).SingleAsync();
    }

    public static async Task<int> HandlingUnitIdAsync(RendaApp app, string name = "海西州教育局")
    {
        await using var scope = app.Db();
        return await scope.Context.HandlingUnits.Where(u => u.Name == name && u.Congress!.Code == MeetingSteps.Haixi).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A budget unit of Haixi; its warnings go to 海西州教育局 (jiaoyuju's unit) unless handled is false.</summary>
    public async Task<BudgetUnit> UnitAsync(string name, bool handled = true, string? handlingUnit = null)
    {
        CongressId = await HaixiIdAsync(app);
        await using var scope = app.Db();
        var n = Interlocked.Increment(ref s_code);
        var unit = new BudgetUnit
        {
            CongressId = CongressId, Code = $"T{app.Provider}{n:D4}"[..Math.Min(30, $"T{app.Provider}{n:D4}".Length)], Name = $"{name}{n}",
            HandlingUnitId = handled ? await HandlingUnitIdAsync(app, handlingUnit ?? "海西州教育局") : null,
        };
        scope.Context.Add(unit);
        await scope.Context.SaveChangesAsync();
        return unit;
    }

    public async Task<BudgetProject> ProjectAsync(BudgetUnit unit, string name)
    {
        await using var scope = app.Db();
        var p = new BudgetProject { CongressId = unit.CongressId, BudgetUnitId = unit.Id, Code = $"{unit.Code}-P{Interlocked.Increment(ref s_code)}", Name = name, Kind = "项目支出" };
        scope.Context.Add(p);
        await scope.Context.SaveChangesAsync();
        return p;
    }

    public BudgetTestData Indicator(BudgetUnit unit, string doc, decimal amount, string effectiveOn, BudgetProject? project = null, string economic = "30201",
        IndicatorSource source = IndicatorSource.AnnualBudget, int? year = null)
    {
        var on = DateOnly.Parse(effectiveOn);
        indicators.Add(new BudgetIndicator
        {
            CongressId = unit.CongressId, Year = year ?? on.Year, DocumentNumber = doc, BudgetUnitId = unit.Id, FunctionCode = "2050201", EconomicCode = economic,
            ProjectId = project?.Id, FundNature = FundNature.GeneralPublic, Source = source, Amount = amount, EffectiveOn = on,
        });
        return this;
    }

    public BudgetTestData Payment(BudgetUnit unit, string? doc, decimal amount, string paidOn, BudgetProject? project = null, string economic = "30201",
        string payee = "青海某某有限公司", PayeeKind payeeKind = PayeeKind.Organisation) => Paid(unit, doc, amount, paidOn, project, economic, payee, payeeKind, out _);

    public BudgetTestData Paid(BudgetUnit unit, string? doc, decimal amount, string paidOn, BudgetProject? project, string economic, string payee, PayeeKind payeeKind, out TreasuryPayment payment)
    {
        var on = DateOnly.Parse(paidOn);
        var id = Interlocked.Increment(ref s_id);
        payments.Add(payment = new TreasuryPayment
        {
            Year = on.Year, Id = id, CongressId = unit.CongressId, VoucherNumber = $"V{id}", BudgetUnitId = unit.Id, FunctionCode = "2050201", EconomicCode = economic,
            ProjectId = project?.Id, IndicatorDocumentNumber = doc, FundNature = FundNature.GeneralPublic, Method = PaymentMethod.Direct, Amount = amount,
            PayeeName = payee, PayeeKind = payeeKind, Summary = "测试支付", PaidOn = on,
        });
        return this;
    }

    public BudgetTestData ToIndividual(BudgetUnit unit, decimal amount, string paidOn, string payee = "张三") => Payment(unit, "西财预〔T〕1号", amount, paidOn, null, "30226", payee, PayeeKind.Individual);

    public BudgetTestData Debt(int congressId, int year, DebtKind kind, decimal limit, decimal balance)
    {
        debts.Add(new GovernmentDebt { CongressId = congressId, Year = year, Kind = kind, Limit = limit, Balance = balance, AsOf = new DateOnly(year, 12, 31) });
        return this;
    }

    public BudgetTestData Repayment(int congressId, int year, string instrument, string dueOn, decimal due, decimal paid)
    {
        repayments.Add(new DebtRepayment { CongressId = congressId, Year = year, Kind = DebtKind.General, Instrument = instrument, DueOn = DateOnly.Parse(dueOn), AmountDue = due, AmountPaid = paid });
        return this;
    }

    /// <summary>Writes what was added as one batch of its kind and runs its effects in the same transaction; returns the warnings raised.</summary>
    public Task<int> ApplyAsync(BudgetDataKind kind, int year, IEnumerable<int>? months = null, IEnumerable<int>? units = null)
        => ApplyAsync([kind], year, months, units);

    private async Task<int> ApplyAsync(BudgetDataKind[] kinds, int year, IEnumerable<int>? months, IEnumerable<int>? units)
    {
        var kind = kinds[0]; // both kinds: recorded as the payments batch (its month is how far the payment data reaches)
        await using var scope = app.Db();
        var db = scope.Context;
        await using var tx = await db.Database.BeginTransactionAsync();
        var congress = CongressId != 0 ? CongressId : await HaixiIdAsync(app);
        // The batch as the import records it: a payments batch of one month names it, one spanning months does not.
        var paidMonths = payments.Select(p => p.PaidOn.Month).Distinct().ToList();
        var hash = Guid.NewGuid().ToString("N");
        var batch = new BudgetBatch
        {
            CongressId = congress, Kind = kind, Channel = BudgetChannel.Upload, ExternalId = hash, ContentHash = hash, Year = year, Month = paidMonths.Count == 1 ? paidMonths[0] : null,
            RowCount = indicators.Count + payments.Count + debts.Count + repayments.Count, ReceivedAt = DateTime.UtcNow,
        };
        db.Add(batch);
        await db.SaveChangesAsync();
        indicators.ForEach(i => i.BatchId = batch.Id);
        payments.ForEach(p => p.BatchId = batch.Id);
        debts.ForEach(x => x.BatchId = batch.Id);
        repayments.ForEach(x => x.BatchId = batch.Id);
        db.AddRange(indicators);
        db.AddRange(payments);
        db.AddRange(debts);
        db.AddRange(repayments);
        await db.SaveChangesAsync();
        var unitIds = units?.ToHashSet() ?? indicators.Select(i => i.BudgetUnitId).Concat(payments.Select(p => p.BudgetUnitId)).ToHashSet();
        var monthSet = months?.ToHashSet() ?? payments.Where(p => p.Year == year).Select(p => p.PaidOn.Month).Concat(indicators.Where(i => i.Year == year).Select(i => i.EffectiveOn.Month)).ToHashSet();
        var before = await db.Set<BudgetWarning>().CountAsync(w => w.CongressId == congress);
        foreach (var k in kinds)
            await BudgetBatchEffects.ApplyAsync(db, new BudgetBatchScope(congress, k, year, monthSet, unitIds), default);
        await tx.CommitAsync();
        indicators.Clear();
        payments.Clear();
        debts.Clear();
        repayments.Clear();
        return await db.Set<BudgetWarning>().CountAsync(w => w.CongressId == congress) - before;
    }

    /// <summary>
    /// Indicators and payments written together, then the effects of both kinds: other tests of the app have sent payment data
    /// for the year already, so indicators applied alone would be checked against payments not yet written. The payments'
    /// effects come first, as in the import, where payments are never in the table without their monthly sums (which the
    /// rules read): then the indicators' rules see them.
    /// </summary>
    public Task<int> ApplyBothAsync(int year) => ApplyAsync([BudgetDataKind.Payments, BudgetDataKind.Indicators], year, null, null);
}

/// <summary>Intent-named steps of budget warnings over the HTTP API.</summary>
public static class BudgetWarningSteps
{
    public const string Warnings = "/api/v1/budget/warnings";
    public const string StaffAccount = "daigongwei";
    public const string OfficerAccount = "jiaoyuju";

    public static Task<HttpClient> StaffAsync(this RendaApp app) => app.ApiClientAsync(StaffAccount);
    public static Task<HttpClient> OfficerAsync(this RendaApp app) => app.ApiClientAsync(OfficerAccount);

    /// <summary>The warnings of a unit (or of a year), as staff list them.</summary>
    public static async Task<List<JsonElement>> WarningsAsync(this RendaApp app, int? unitId = null, int? year = null, string? rule = null)
    {
        var staff = await app.StaffAsync();
        var q = $"{Warnings}?pageSize=200" + (unitId is { } u ? $"&unitId={u}" : "") + (year is { } y ? $"&year={y}" : "") + (rule is null ? "" : $"&rule={rule}");
        return (await staff.GetJsonAsync(q)).GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<List<string>> FingerprintsAsync(this RendaApp app, int congressId, string prefix)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<BudgetWarning>().Where(w => w.CongressId == congressId && w.Fingerprint.StartsWith(prefix)).Select(w => w.Fingerprint).OrderBy(f => f).ToListAsync();
    }

    public static async Task<BudgetWarning> WarningRowAsync(this RendaApp app, int id)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<BudgetWarning>().Include(w => w.Evidence).AsNoTracking().SingleAsync(w => w.Id == id);
    }

    public static Task<JsonElement> WarningAsync(this HttpClient client, int id) => client.GetJsonAsync($"{Warnings}/{id}");

    /// <summary>A warning made directly (a payment to an individual above the threshold), for the lifecycle's tests.</summary>
    public static async Task<(int Id, BudgetUnit Unit)> RaisedWarningAsync(this RendaApp app, bool handled = true, decimal amount = 60_000m)
    {
        var data = new BudgetTestData(app);
        var unit = await data.UnitAsync("海西州测试中学", handled);
        // The indicator equals the payment: the only rule that fires is the large payment to an individual.
        data.Indicator(unit, "西财预〔T〕1号", amount, "2026-01-01").ToIndividual(unit, amount, "2026-03-10", "李四");
        await data.ApplyBothAsync(2026);
        var w = (await app.WarningsAsync(unit.Id)).Single();
        return (w.Id(), unit);
    }

    public static async Task<int> SentWarningAsync(this RendaApp app)
    {
        var (id, _) = await app.RaisedWarningAsync();
        await (await app.StaffAsync()).PostJsonAsync($"{Warnings}/{id}/send").DoneAsync();
        return id;
    }

    public static async Task<int> AnsweredWarningAsync(this RendaApp app)
    {
        var id = await app.SentWarningAsync();
        await (await app.OfficerAsync()).PostJsonAsync($"{Warnings}/{id}/answer", new { explanation = "该笔为临时聘用人员劳务费，已补签合同。", rectification = "已改为按月支付。" }).DoneAsync();
        return id;
    }

    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> response) => await (await response).ShouldBeOkJsonAsync();

    public static async Task ShouldBeRefusedAsync(this Task<HttpResponseMessage> response, HttpStatusCode status, string? field = null, string? contains = null)
    {
        var problem = await (await response).ShouldBeProblemAsync(status);
        if (field is not null) problem.FieldErrors(field).ShouldNotBeEmpty(problem.ToString());
        if (contains is not null) problem.ToString().ShouldContain(contains);
    }
}
