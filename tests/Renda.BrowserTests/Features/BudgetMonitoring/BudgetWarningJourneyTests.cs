using System.Text;
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
/// A budget warning in a real browser: a payment raises it, staff send it, the education bureau's officer answers on a phone
/// with a document, staff accept it and it shows 已销号. One journey starts from staff uploading a month at /budget/import;
/// the other from a warning raised directly by the batch effects, so a failure points at the import or at the workflow.
/// </summary>
public sealed class BudgetWarningJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static int s_unit;

    /// <summary>A budget unit handled by 海西州教育局 with an indicator of ¥100,000 (document 西财预〔2026〕7号).</summary>
    private async Task<(int UnitId, string Code)> UnitWithIndicatorAsync(string name)
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var congress = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
        var handling = await db.HandlingUnits.Where(u => u.CongressId == congress && u.Name == "海西州教育局").Select(u => u.Id).SingleAsync();
        var code = $"BW{Interlocked.Increment(ref s_unit):D3}";
        var unit = new BudgetUnit { CongressId = congress, Code = code, Name = $"海西州第{s_unit}中学", HandlingUnitId = handling };
        db.Add(unit);
        await db.SaveChangesAsync();
        db.Add(new BudgetIndicator
        {
            CongressId = congress, Year = 2026, DocumentNumber = "西财预〔2026〕7号", BudgetUnitId = unit.Id, FunctionCode = "2050201", EconomicCode = "30226",
            FundNature = FundNature.GeneralPublic, Source = IndicatorSource.AnnualBudget, Amount = 100_000m, EffectiveOn = new DateOnly(2026, 1, 1),
        });
        await db.SaveChangesAsync();
        return (unit.Id, code);
    }

    /// <summary>A warning raised as after a batch: a payment of ¥68,000 to an individual, the batch's effects run.</summary>
    private async Task<int> RaisedWarningAsync()
    {
        var (unitId, _) = await UnitWithIndicatorAsync("海西州中学");
        await using var scope = App.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var congress = await db.Congresses.Where(c => c.Code == "632800").Select(c => c.Id).SingleAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Add(new TreasuryPayment
        {
            Year = 2026, Id = 8_000_000_000 + unitId, CongressId = congress, VoucherNumber = $"BWV{unitId}", BudgetUnitId = unitId, FunctionCode = "2050201", EconomicCode = "30226",
            IndicatorDocumentNumber = "西财预〔2026〕7号", FundNature = FundNature.GeneralPublic, Method = PaymentMethod.Direct, Amount = 68_000m, PayeeName = "马某某",
            PayeeKind = PayeeKind.Individual, Summary = "劳务费", PaidOn = new DateOnly(2026, 10, 12),
        });
        await db.SaveChangesAsync();
        await BudgetBatchEffects.ApplyAsync(db, new BudgetBatchScope(congress, BudgetDataKind.Payments, 2026, new HashSet<int> { 10 }, new HashSet<int> { unitId }), default);
        await tx.CommitAsync();
        return await WarningOfUnitAsync(unitId);
    }

    private async Task<int> WarningOfUnitAsync(int unitId)
    {
        await using var scope = App.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        return await db.Set<BudgetWarning>().Where(w => w.BudgetUnitId == unitId && w.Rule == WarningRuleKind.LargePaymentToIndividual).Select(w => w.Id).SingleAsync();
    }

    [Fact]
    public async Task A_raised_warning_is_sent_answered_on_a_phone_and_closed()
        => await SendAnswerAndCloseAsync(await RaisedWarningAsync());

    [Fact]
    public async Task Staff_upload_a_month_and_the_warning_it_raises_is_sent_answered_on_a_phone_and_closed()
    {
        var (unitId, code) = await UnitWithIndicatorAsync("海西州中学");
        var (staff, _) = await SignedInAsync("daigongwei");
        var import = await BudgetImportPage.OpenAsync(staff.Page);
        var csv = "支付凭证号,预算单位编码,预算单位名称,功能分类科目编码,经济分类科目编码,项目编码,指标文号,资金性质,支付方式,金额,原支付凭证号,收款人名称,收款人类型,收款人开户行,摘要,支付日期,清算日期\n"
            + $"BWU{unitId},{code},海西州中学,2050201,30226,,西财预〔2026〕7号,一般公共预算,直接支付,68000.00,,马某某,个人,中国银行德令哈支行,劳务费,2026-10-12,2026-10-13\n";
        await import.UploadPaymentsAsync("2026-10.csv", Encoding.UTF8.GetBytes(csv));
        await Expect(staff.Page.GetByTestId("import-success")).ToContainTextAsync("已导入");
        await Expect(staff.Page.GetByTestId("imported-rows")).ToHaveTextAsync("1");
        await SnapAsync(staff, "1-imported");
        await SendAnswerAndCloseAsync(await WarningOfUnitAsync(unitId));
    }

    private async Task SendAnswerAndCloseAsync(int id)
    {
        var (staff, _) = await SignedInAsync("daigongwei");
        var list = await BudgetWarningListPage.OpenAsync(staff.Page, "/budget/warnings?year=2026");
        await Expect(list.Card(id)).ToContainTextAsync("大额支付给个人");
        await Expect(list.Card(id)).ToContainTextAsync("待核实");
        var warning = await list.OpenWarningAsync(id);
        await Expect(warning.Evidence).ToContainTextAsync("马某某");
        await warning.SendAsync();
        await Expect(warning.Message).ToContainTextAsync("答复期限开始计时");
        await Expect(warning.Status).ToHaveTextAsync("待答复");
        await SnapAsync(staff, "2-sent");

        var (officer, shell) = await SignedInAsync("jiaoyuju", phone: true);
        var queue = await BudgetWarningListPage.OpenAsync(officer.Page, "/budget/warnings/unit");
        await Expect(queue.Card(id)).ToContainTextAsync("待答复");
        await ShouldFitThePhoneAsync(queue);
        var answer = await queue.OpenWarningAsync(id);
        await Expect(answer.Evidence).ToContainTextAsync("马**");
        await ShouldFitThePhoneAsync(answer);
        await answer.AnswerAsync("该笔为临时聘用教师的劳务费，已补签劳务合同。", "今后劳务费按月通过单位账户发放。", "劳务合同.pdf");
        await Expect(answer.Status).ToHaveTextAsync("待认定");
        await Expect(answer.Attachments).ToContainTextAsync("劳务合同.pdf");
        await ShouldFitThePhoneAsync(answer);
        await SnapAsync(officer, "3-answered-phone");
        await CspShouldBeCleanAsync(officer);

        var verify = await BudgetWarningPage.OpenAsync(staff.Page, id);
        await Expect(verify.Replies).ToContainTextAsync("已补签劳务合同");
        await verify.AcceptAsync();
        await Expect(verify.Status).ToHaveTextAsync("已销号");
        await SnapAsync(staff, "4-closed");
        await CspShouldBeCleanAsync(staff);
        shell.ShouldNotBeNull();
    }
}
