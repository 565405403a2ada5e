using System.Globalization;
using Renda.Web.Platform.People;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>One wrong cell of a batch, as the user reads it: <c>第 N 行：列名 — 原因</c>.</summary>
public sealed record BudgetRowError(int Row, string Column, string Reason)
{
    public override string ToString() => $"第 {Row} 行：{Column} — {Reason}";
}

public sealed record IndicatorLine(int Row, string DocumentNumber, string UnitCode, string UnitName, string FunctionCode, string EconomicCode,
    string? ProjectCode, string? ProjectName, string? ProjectKind, FundNature FundNature, IndicatorSource Source, IndicatorAdjustment? Adjustment, decimal Amount, DateOnly EffectiveOn);

public sealed record PaymentLine(int Row, string VoucherNumber, string UnitCode, string FunctionCode, string EconomicCode, string? ProjectCode,
    string? IndicatorDocumentNumber, FundNature FundNature, PaymentMethod Method, decimal Amount, string? ReversesVoucherNumber,
    string PayeeName, PayeeKind PayeeKind, string? PayeeBank, string? Summary, DateOnly PaidOn, DateOnly? ClearedOn);

public enum DebtRecordKind { Position = 1, Repayment = 2 }

public sealed record DebtLine(int Row, DebtRecordKind Record, DebtKind Kind, decimal Limit, decimal Balance, DateOnly? AsOf,
    string? Instrument, DateOnly? DueOn, decimal AmountDue, DateOnly? PaidOn, decimal AmountPaid);

/// <summary>
/// The columns of each kind of batch, named as the finance systems (预算管理一体化系统) export them, and the parsing of one row
/// into a typed line. Every wrong cell of a row is reported, not just the first.
/// </summary>
public static class BudgetColumns
{
    public const string Year = "预算年度";
    public const string Document = "指标文号", UnitCode = "预算单位编码", UnitName = "预算单位名称", Function = "功能分类科目编码", Economic = "经济分类科目编码",
        ProjectCode = "项目编码", ProjectName = "项目名称", ProjectKind = "项目类别", Fund = "资金性质", Source = "指标来源", Adjustment = "调整类型",
        Amount = "金额", Effective = "生效日期";
    public const string Voucher = "支付凭证号", Method = "支付方式", Payee = "收款人名称", PayeeKind = "收款人类型", PayeeBank = "收款人开户行",
        Summary = "摘要", PaidOn = "支付日期", ClearedOn = "清算日期", Reverses = "原支付凭证号";
    public const string Record = "记录类型", DebtKind = "债务类型", Limit = "限额", Balance = "余额", AsOf = "截至日期", Instrument = "债券名称",
        DueOn = "到期日", AmountDue = "应还金额", RepaidOn = "实还日期", AmountPaid = "实还金额";

    public static IReadOnlyList<string> Required(BudgetDataKind kind) => kind switch
    {
        BudgetDataKind.Indicators => [Document, UnitCode, UnitName, Function, Economic, Fund, Source, Amount, Effective],
        BudgetDataKind.Payments => [Voucher, UnitCode, Function, Economic, Fund, Method, Amount, Payee, PayeeKind, PaidOn],
        _ => [Record, DebtKind],
    };

    public static IReadOnlyList<string> All(BudgetDataKind kind) => kind switch
    {
        BudgetDataKind.Indicators => [Year, Document, UnitCode, UnitName, Function, Economic, ProjectCode, ProjectName, ProjectKind, Fund, Source, Adjustment, Amount, Effective],
        BudgetDataKind.Payments => [Year, Voucher, UnitCode, UnitName, Function, Economic, ProjectCode, Document, Fund, Method, Amount, Reverses, Payee, PayeeKind, PayeeBank, Summary, PaidOn, ClearedOn],
        _ => [Year, Record, DebtKind, Limit, Balance, AsOf, Instrument, DueOn, AmountDue, RepaidOn, AmountPaid],
    };

    private static readonly Dictionary<string, FundNature> Funds = new()
    {
        ["一般公共预算"] = FundNature.GeneralPublic, ["政府性基金预算"] = FundNature.GovernmentFund, ["政府性基金"] = FundNature.GovernmentFund,
        ["国有资本经营预算"] = FundNature.StateCapital, ["社会保险基金预算"] = FundNature.SocialInsurance, ["社会保险基金"] = FundNature.SocialInsurance,
    };
    private static readonly Dictionary<string, IndicatorSource> Sources = new() { ["年初预算"] = IndicatorSource.AnnualBudget, ["追加"] = IndicatorSource.Addition, ["调减"] = IndicatorSource.Reduction, ["结转"] = IndicatorSource.CarryOver };
    private static readonly Dictionary<string, IndicatorAdjustment> Adjustments = new() { ["追加"] = IndicatorAdjustment.Addition, ["调减"] = IndicatorAdjustment.Reduction, ["冻结"] = IndicatorAdjustment.Freeze, ["解冻"] = IndicatorAdjustment.Unfreeze };
    private static readonly Dictionary<string, PaymentMethod> Methods = new() { ["直接支付"] = PaymentMethod.Direct, ["授权支付"] = PaymentMethod.Authorised };
    private static readonly Dictionary<string, PayeeKind> Payees = new() { ["单位"] = Renda.Web.Features.BudgetMonitoring.PayeeKind.Organisation, ["个人"] = Renda.Web.Features.BudgetMonitoring.PayeeKind.Individual };
    private static readonly Dictionary<string, DebtKind> Debts = new() { ["一般债务"] = Renda.Web.Features.BudgetMonitoring.DebtKind.General, ["专项债务"] = Renda.Web.Features.BudgetMonitoring.DebtKind.Special };
    private static readonly Dictionary<string, DebtRecordKind> Records = new() { ["限额余额"] = DebtRecordKind.Position, ["还本付息"] = DebtRecordKind.Repayment };

    /// <summary>The header's columns by name; a missing required column is an error of row 1.</summary>
    public static Dictionary<string, int> MapHeader(BudgetDataKind kind, IReadOnlyList<string> header, List<BudgetRowError> errors)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
            map.TryAdd(header[i].Trim(), i);
        foreach (var c in Required(kind).Where(c => !map.ContainsKey(c)))
            errors.Add(new BudgetRowError(1, c, $"缺少此列（{BudgetLabels.Of(kind)}须有：{string.Join("、", Required(kind))}）"));
        return map;
    }

    /// <summary>Reads the cells of one row by column name, collecting every wrong cell.</summary>
    public sealed class Reader(Dictionary<string, int> map, List<BudgetRowError> errors)
    {
        private BudgetSheetRow _row;
        public int Errors { get; private set; }

        public void Start(BudgetSheetRow row)
        {
            _row = row;
            Errors = 0;
        }

        public int Row => _row.Number;

        private ImportCell Cell(string column) => map.TryGetValue(column, out var i) && i < _row.Cells.Count ? _row.Cells[i] : new ImportCell("");

        public void Fail(string column, string reason)
        {
            Errors++;
            errors.Add(new BudgetRowError(_row.Number, column, reason));
        }

        public string? Optional(string column, int max)
        {
            var text = Cell(column).Text.Trim();
            if (text.Length == 0) return null;
            if (text.Length > max) Fail(column, $"不能超过 {max} 个字符");
            return text;
        }

        public string Text(string column, int max)
        {
            var text = Optional(column, max);
            if (text is null) Fail(column, "不能为空");
            return text ?? "";
        }

        public T Word<T>(string column, Dictionary<string, T> words) where T : struct
        {
            var text = Text(column, 40);
            if (text.Length == 0) return default;
            if (words.TryGetValue(text, out var value) || (Enum.TryParse(text, out value) && Enum.IsDefined(typeof(T), value) && !int.TryParse(text, out _)))
                return value;
            Fail(column, $"“{text}”不是有效的取值（应为：{string.Join("、", words.Keys)}）");
            return default;
        }

        public T? OptionalWord<T>(string column, Dictionary<string, T> words) where T : struct
            => Cell(column).Text.Trim().Length == 0 ? null : Word(column, words);

        /// <summary>Yuan with at most two decimals; thousands separators allowed; an XLSX number's binary noise rounded away.</summary>
        public decimal Amount(string column, bool required = true)
        {
            var cell = Cell(column);
            var text = cell.Text.Trim();
            if (text.Length == 0)
            {
                if (required) Fail(column, "不能为空");
                return 0;
            }
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | (cell.IsNumber ? NumberStyles.AllowExponent : 0), CultureInfo.InvariantCulture, out var amount))
            {
                Fail(column, $"“{text}”不是数字");
                return 0;
            }
            if (cell.IsNumber && Math.Abs(amount * 100 - Math.Round(amount * 100)) < 0.0001m)
                amount = Math.Round(amount, 2);
            if (amount * 100 != decimal.Truncate(amount * 100))
            {
                Fail(column, $"“{text}”超过两位小数（金额以元为单位，精确到分）");
                return 0;
            }
            if (Math.Abs(amount) >= 1_000_000_000_000m)
            {
                Fail(column, $"“{text}”超出金额范围");
                return 0;
            }
            return amount;
        }

        public DateOnly? Date(string column, bool required)
        {
            var cell = Cell(column);
            var text = cell.Text.Trim();
            if (text.Length == 0)
            {
                if (required) Fail(column, "不能为空");
                return null;
            }
            if (IsoDate(text) is { } iso)
                return iso;
            if (cell.IsNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            if (DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            if (text.Length > 10 && DateOnly.TryParseExact(text[..10], Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                return date;
            Fail(column, $"“{text}”不是日期（应为 2023-06-30 格式）");
            return null;
        }

        /// <summary>yyyy-MM-dd, what the finance systems export, read digit by digit: TryParseExact over seven formats was the row's largest cost.</summary>
        private static DateOnly? IsoDate(string text)
        {
            if (text.Length != 10 || text[4] != '-' || text[7] != '-') return null;
            int Digits(int from, int count)
            {
                var v = 0;
                for (var i = from; i < from + count; i++)
                {
                    var d = text[i] - '0';
                    if (d is < 0 or > 9) return -1;
                    v = v * 10 + d;
                }
                return v;
            }
            var (y, m, d) = (Digits(0, 4), Digits(5, 2), Digits(8, 2));
            if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
            return new DateOnly(y, m, d);
        }

        public int? Integer(string column) => int.TryParse(Cell(column).Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>The row's line; the caller checks <see cref="Reader.Errors"/> (a wrong cell leaves a default, so every other check still runs).</summary>
    public static IndicatorLine Indicator(Reader r)
    {
        var line = new IndicatorLine(r.Row, r.Text(Document, 60), r.Text(UnitCode, 30), r.Text(UnitName, 100), r.Text(Function, 10), r.Text(Economic, 10),
            r.Optional(ProjectCode, 40), r.Optional(ProjectName, 200), r.Optional(ProjectKind, 30), r.Word(Fund, Funds), r.Word(Source, Sources),
            r.OptionalWord(Adjustment, Adjustments), r.Amount(Amount), r.Date(Effective, true) ?? default);
        // 调减 and 冻结 lower what may be spent: stored negative whichever sign the finance system exports them with.
        if (line.Source == IndicatorSource.Reduction || line.Adjustment is IndicatorAdjustment.Reduction or IndicatorAdjustment.Freeze)
            line = line with { Amount = -Math.Abs(line.Amount) };
        else if (line.Adjustment is IndicatorAdjustment.Unfreeze)
            line = line with { Amount = Math.Abs(line.Amount) };
        return line;
    }

    public static PaymentLine Payment(Reader r)
    {
        var line = new PaymentLine(r.Row, r.Text(Voucher, 40), r.Text(UnitCode, 30), r.Text(Function, 10), r.Text(Economic, 10), r.Optional(ProjectCode, 40),
            r.Optional(Document, 60), r.Word(Fund, Funds), r.Word(Method, Methods), r.Amount(Amount), r.Optional(Reverses, 40),
            r.Text(Payee, 100), r.Word(PayeeKind, Payees), r.Optional(PayeeBank, 100), r.Optional(Summary, 200), r.Date(PaidOn, true) ?? default, r.Date(ClearedOn, false));
        if (line.Amount < 0 && line.ReversesVoucherNumber is null)
            r.Fail(Reverses, "退款（负数金额）须填写所冲销的原支付凭证号");
        if (line.Amount == 0 && r.Errors == 0)
            r.Fail(Amount, "金额不能为 0");
        if (line.ClearedOn is { } cleared && cleared < line.PaidOn)
            r.Fail(ClearedOn, "清算日期不能早于支付日期");
        return line;
    }

    public static DebtLine Debt(Reader r)
    {
        var record = r.Word(Record, Records);
        var kind = r.Word(DebtKind, Debts);
        DebtLine line;
        if (record == DebtRecordKind.Repayment)
            line = new DebtLine(r.Row, record, kind, 0, 0, null, r.Text(Instrument, 100), r.Date(DueOn, true), r.Amount(AmountDue), r.Date(RepaidOn, false), r.Amount(AmountPaid, required: false));
        else
            line = new DebtLine(r.Row, record, kind, r.Amount(Limit), r.Amount(Balance), r.Date(AsOf, true), null, null, 0, null, 0);
        if (line.Limit < 0) r.Fail(Limit, "不能为负数");
        if (line.Balance < 0) r.Fail(Balance, "不能为负数");
        if (line.AmountDue < 0) r.Fail(AmountDue, "不能为负数");
        if (line.AmountPaid < 0) r.Fail(AmountPaid, "不能为负数");
        return line;
    }
}
