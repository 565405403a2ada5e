using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.BudgetMonitoring;

namespace Renda.Tests.Features.BudgetMonitoring;

/// <summary>The finance bureau's system and the committee's staff sending budget data, in the words of the tests.</summary>
public static class BudgetImportSteps
{
    public const string Batches = "/api/v1/budget/batches";
    public const string UploadUrl = "/api/v1/budget/uploads";

    /// <summary>The finance bureau's machine account (州财政局经办人).</summary>
    public static Task<HttpClient> FinanceBureauAsync(this RendaApp app) => app.ApiClientAsync("caizheng");

    public static Task<HttpClient> BudgetStaffAsync(this RendaApp app) => app.ApiClientAsync("daigongwei");

    public static readonly string[] PaymentHeader = [.. Renda.Web.Features.BudgetMonitoring.BudgetDemo.Plan.PaymentHeader];

    /// <summary>One payment row as the bureau's system sends it (column name → value).</summary>
    public static Dictionary<string, object?> Payment(string voucher, string unitCode, string amount, string paidOn, string payee = "青海海西建设工程有限公司",
        string payeeKind = "单位", string function = "2050101", string economic = "30201", string? project = null, string? document = null, string? reverses = null)
        => new()
        {
            ["支付凭证号"] = voucher, ["预算单位编码"] = unitCode, ["功能分类科目编码"] = function, ["经济分类科目编码"] = economic, ["项目编码"] = project,
            ["指标文号"] = document, ["资金性质"] = "一般公共预算", ["支付方式"] = "授权支付", ["金额"] = amount, ["原支付凭证号"] = reverses,
            ["收款人名称"] = payee, ["收款人类型"] = payeeKind, ["收款人开户行"] = "青海银行海西分行", ["摘要"] = "测试", ["支付日期"] = paidOn, ["清算日期"] = paidOn,
        };

    public static Task<HttpResponseMessage> PushAsync(this HttpClient client, string batchId, string kind, int year, IReadOnlyList<Dictionary<string, object?>> rows,
        int? month = null, string? correctsUnitCode = null, int? rowCount = null, decimal? amountSum = null)
        => client.PostJsonAsync(Batches, new
        {
            batchId, kind, year, month, correctsUnitCode,
            control = new { rowCount = rowCount ?? rows.Count, amountSum = amountSum ?? rows.Sum(r => decimal.TryParse(r.GetValueOrDefault("金额") as string, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0) },
            rows,
        });

    public static async Task<string> UnitCodeAsync(this RendaApp app, string name)
    {
        await using var s = app.Db();
        return await s.Context.Set<BudgetUnit>().Where(u => u.Name == name).Select(u => u.Code).SingleAsync();
    }

    public static async Task<List<TreasuryPayment>> PaymentsAsync(this RendaApp app, Func<IQueryable<TreasuryPayment>, IQueryable<TreasuryPayment>> filter)
    {
        await using var s = app.Db();
        return await filter(s.Context.Set<TreasuryPayment>().AsNoTracking()).ToListAsync();
    }

    public static async Task<int> BatchCountAsync(this RendaApp app, string externalId)
    {
        await using var s = app.Db();
        return await s.Context.Set<BudgetBatch>().CountAsync(b => b.ExternalId == externalId);
    }

    /// <summary>The rows of a CSV as the finance systems export them (header first).</summary>
    public static string Csv(IEnumerable<Dictionary<string, object?>> rows)
    {
        var sb = new StringBuilder(string.Join(",", PaymentHeader)).Append("\r\n");
        foreach (var r in rows)
            sb.Append(string.Join(",", PaymentHeader.Select(h => Quote(r.GetValueOrDefault(h) as string ?? "")))).Append("\r\n");
        return sb.ToString();
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>A one-sheet workbook with the payments, every cell an inline string but the amount a number.</summary>
    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint n = 1;
            data.Append(Row(n++, PaymentHeader.Select(h => (h, false))));
            foreach (var r in rows)
                data.Append(Row(n++, PaymentHeader.Select(h => (r.GetValueOrDefault(h) as string ?? "", h == "金额"))));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "支付明细" }));
        }
        return stream.ToArray();
    }

    private static Row Row(uint number, IEnumerable<(string Text, bool Number)> cells)
    {
        var row = new Row { RowIndex = number };
        foreach (var (text, isNumber) in cells)
            row.Append(isNumber
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(text) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
        return row;
    }
}
