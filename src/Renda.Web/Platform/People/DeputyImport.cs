using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Renda.Web.Platform.People;

/// <summary>One column of the import file, as documented on the import page.</summary>
public sealed record ImportColumn(string Header, bool Required, string Rule);

/// <summary>A refused value: the row as numbered in the file (header = row 1), the column, the value (masked if personal) and why.</summary>
public sealed record ImportRowError(int Row, string Column, string? Value, string Message)
{
    public string Key => $"row {Row}: {Column}";
}

public sealed record ImportResult(int Imported, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports the deputies register of one congress from CSV or XLSX, all or nothing: every row is
/// checked first and any error means nothing is written. A person already registered (same ID
/// number) at another level is reused, so one person holds several mandates.
/// </summary>
public static class DeputyImport
{
    public const long MaxBytes = 5L * 1024 * 1024;
    public const int MaxRows = 20_000;

    public const string Name = "姓名", GenderColumn = "性别", Ethnicity = "民族", Party = "党派", BirthDate = "出生日期", IdNumber = "身份证号",
        Phone = "手机号", Occupation = "职业", Term = "届次", Delegation = "代表团", ElectoralUnit = "选区", DeputyGroup = "代表小组", Status = "状态";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(Name, true, "不超过 50 字"),
        new(GenderColumn, true, "男 或 女"),
        new(Ethnicity, true, "如 汉族、藏族，不超过 20 字"),
        new(Party, false, "如 中国共产党、群众，不超过 30 字"),
        new(BirthDate, false, "yyyy-MM-dd，如 1975-03-08；不得晚于今天；须与身份证号一致。留空则取自身份证号"),
        new(IdNumber, true, "18 位，末位可为 X，校验位须正确；同一文件内不得重复。已在其他层级人大登记的人员，姓名须与登记一致"),
        new(Phone, false, "11 位手机号，以 1 开头"),
        new(Occupation, false, "职业或职务，不超过 200 字"),
        new(Term, true, "本级人大已有的届次数字，如 15"),
        new(Delegation, false, "代表团，不超过 100 字；首次出现的名称即建立该代表团，已有的名称归入同一代表团"),
        new(ElectoralUnit, false, "选区或选举单位，不超过 100 字"),
        new(DeputyGroup, false, "代表小组，不超过 100 字；首次出现的名称即建立该代表小组"),
        new(Status, false, "在任、辞职、罢免 或 终止；留空为在任"),
    ];

    /// <summary>Checks every row and, only if all are valid, writes them in one transaction.</summary>
    public static async Task<ImportResult> RunAsync(RendaDbContext db, int congressId, byte[] file, CancellationToken ct = default)
    {
        if (file.LongLength > MaxBytes)
            throw DomainException.Invalid("file", $"文件超过 {MaxBytes / 1024 / 1024} MB 上限，请拆分后导入。");
        var table = ImportTables.Read(file, MaxRows);
        var columns = MapHeader(table.Header);
        if (table.Rows.Count == 0)
            throw DomainException.Invalid("file", "文件中没有数据行（第 1 行为表头，数据从第 2 行开始）。");

        var errors = new List<ImportRowError>();
        var terms = await db.Terms.AsNoTracking().Where(t => t.CongressId == congressId).ToDictionaryAsync(t => t.Number, t => t.Id, ct);
        var limits = Limits.Of(db);
        var today = Deputies.Today(db);
        var rows = new List<Valid>();
        var firstRowOfId = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var valid = Check(row, columns, terms, limits, today, errors);
            if (valid is null) continue;
            if (firstRowOfId.TryGetValue(valid.IdNumber, out var first))
                errors.Add(Error(row.Number, IdNumber, valid.IdNumber, $"与第 {first} 行的身份证号重复。"));
            else
            {
                firstRowOfId[valid.IdNumber] = row.Number;
                rows.Add(valid);
            }
        }

        // The checks against the database and the writes share one transaction, so what was checked is what is written.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = rows.Select(r => r.IdNumber).ToList();
        var known = await db.People.Where(p => p.IdNumber != null && ids.Contains(p.IdNumber)).ToDictionaryAsync(p => p.IdNumber!, ct);
        var knownIds = known.Values.Select(p => p.Id).ToList();
        var mandates = (await db.Deputies.AsNoTracking().Where(d => d.CongressId == congressId && knownIds.Contains(d.PersonId))
            .Select(d => new { d.PersonId, d.TermId }).ToListAsync(ct)).Select(m => (m.PersonId, m.TermId)).ToHashSet();
        foreach (var r in rows)
        {
            if (!known.TryGetValue(r.IdNumber, out var person)) continue;
            if (person.Name != r.Name)
                errors.Add(Error(r.Row, Name, r.Name, "该身份证号已登记的人员姓名与本行不一致，请核对。"));
            else if (mandates.Contains((person.Id, r.TermId)))
                errors.Add(Error(r.Row, IdNumber, r.IdNumber, $"该人员已是本级人大第 {r.TermNumber} 届代表，不能重复导入。"));
        }
        if (errors.Count > 0)
            return new ImportResult(0, errors.OrderBy(e => e.Row).ToList());

        foreach (var r in rows)
        {
            // A person known from another level keeps the record that congress keeps; the import adds a mandate only.
            var person = known.GetValueOrDefault(r.IdNumber) ?? new Person
            {
                Name = r.Name, Gender = r.Gender, Ethnicity = r.Ethnicity, Party = r.Party, BirthDate = r.BirthDate,
                IdNumber = r.IdNumber, Phone = r.Phone, Occupation = r.Occupation,
            };
            db.Deputies.Add(new Deputy
            {
                Person = person, CongressId = congressId, TermId = r.TermId, Delegation = r.Delegation, ElectoralUnit = r.ElectoralUnit,
                DeputyGroup = r.DeputyGroup, Status = r.Status,
            });
        }
        // Another import of the same people committed between our check and our write (PostgreSQL): nothing of ours is kept.
        await db.SaveUniqueAsync("导入期间代表名册已被他人修改，未导入任何数据，请重试。", ct);
        // A delegation or group named for the first time becomes an entity; a known name is matched.
        await DeputyBodies.LinkAsync(db, congressId, ct);
        await tx.CommitAsync(ct);
        return new ImportResult(rows.Count, []);
    }

    private sealed record Valid(int Row, string Name, Gender Gender, string Ethnicity, string? Party, DateOnly BirthDate, string IdNumber, string? Phone,
        string? Occupation, int TermNumber, int TermId, string? Delegation, string? ElectoralUnit, string? DeputyGroup, DeputyStatus Status);

    /// <summary>Column lengths from the model, so the import and the database never disagree.</summary>
    private sealed record Limits(int Name, int Ethnicity, int Party, int Occupation, int Delegation, int ElectoralUnit, int DeputyGroup)
    {
        public static Limits Of(RendaDbContext db)
        {
            int Max<T>(string property) => db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength() ?? int.MaxValue;
            return new Limits(Max<Person>(nameof(Person.Name)), Max<Person>(nameof(Person.Ethnicity)), Max<Person>(nameof(Person.Party)),
                Max<Person>(nameof(Person.Occupation)), Max<Deputy>(nameof(Deputy.Delegation)), Max<Deputy>(nameof(Deputy.ElectoralUnit)), Max<Deputy>(nameof(Deputy.DeputyGroup)));
        }
    }

    /// <summary>Header name → column position. Headers may carry a note in brackets (性别(男/女)); unknown columns are ignored.</summary>
    private static Dictionary<string, int> MapHeader(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var bracket = name.IndexOfAny(['(', '（']);
            if (bracket > 0) name = name[..bracket].Trim();
            if (Columns.All(c => c.Header != name)) continue;
            if (!map.TryAdd(name, i))
                throw DomainException.Invalid("file", $"表头中“{name}”列出现了两次。");
        }
        var missing = Columns.Where(c => !map.ContainsKey(c.Header)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
            throw DomainException.Invalid("file", $"表头缺少列：{string.Join("、", missing)}。第 1 行须为表头，可下载模板核对。");
        return map;
    }

    private static Valid? Check(ImportTableRow row, Dictionary<string, int> columns, Dictionary<int, int> terms, Limits limits, DateOnly today, List<ImportRowError> errors)
    {
        var before = errors.Count;
        var n = row.Number;
        ImportCell Cell(string column) => columns[column] < row.Cells.Count ? row.Cells[columns[column]] : new ImportCell("");
        string? Text(string column, int maxLength, bool required)
        {
            var value = Cell(column).Text.Trim();
            if (value.Length == 0)
            {
                if (required) errors.Add(Error(n, column, null, $"{column}不能为空。"));
                return null;
            }
            if (value.Length > maxLength)
            {
                errors.Add(Error(n, column, value, $"{column}不能超过 {maxLength} 字（现有 {value.Length} 字）。"));
                return null;
            }
            return value;
        }

        var name = Text(Name, limits.Name, true);
        var genderText = Text(GenderColumn, 10, true);
        var gender = PeopleLabels.ParseGender(genderText);
        if (genderText is not null && gender is null)
            errors.Add(Error(n, GenderColumn, genderText, "性别只能填“男”或“女”。"));
        var ethnicity = Text(Ethnicity, limits.Ethnicity, true);
        var party = Text(Party, limits.Party, false);
        var occupation = Text(Occupation, limits.Occupation, false);
        var delegation = Text(Delegation, limits.Delegation, false);
        var electoralUnit = Text(ElectoralUnit, limits.ElectoralUnit, false);
        var deputyGroup = Text(DeputyGroup, limits.DeputyGroup, false);

        var statusText = Text(Status, 10, false);
        var status = statusText is null ? DeputyStatus.Serving : PeopleLabels.ParseStatus(statusText);
        if (status is null)
            errors.Add(Error(n, Status, statusText, "状态只能填“在任”“辞职”“罢免”或“终止”。"));

        var termText = Text(Term, 10, true);
        int termId = 0, termNumber = 0;
        if (termText is not null)
        {
            if (!int.TryParse(termText.TrimStart('第').TrimEnd('届'), NumberStyles.None, CultureInfo.InvariantCulture, out termNumber))
                errors.Add(Error(n, Term, termText, "届次须为数字，如 15。"));
            else if (!terms.TryGetValue(termNumber, out termId))
                errors.Add(Error(n, Term, termText, $"本级人大没有第 {termNumber} 届。"));
        }

        var birthCell = Cell(BirthDate);
        DateOnly? birth = null;
        if (birthCell.Text.Trim().Length > 0)
        {
            birth = ParseDate(birthCell);
            if (birth is null)
                errors.Add(Error(n, BirthDate, birthCell.Text, "出生日期须为有效日期，格式 yyyy-MM-dd，如 1975-03-08。"));
            else if (birth > today)
            {
                errors.Add(Error(n, BirthDate, birthCell.Text, "出生日期不能晚于今天。"));
                birth = null;
            }
        }

        // ID and phone numbers are checked by their format, which includes their length.
        var idCell = Cell(IdNumber);
        var id = idCell.Text.Trim().ToUpperInvariant();
        DateOnly? idBirth = null;
        if (id.Length == 0)
            errors.Add(Error(n, IdNumber, null, "身份证号不能为空。"));
        else
        {
            idBirth = PersonalData.ParseIdNumber(id, out var idError);
            if (idError is not null)
                errors.Add(Error(n, IdNumber, id, IdNumberHint(idCell, idError)));
            else if (idBirth > today)
                errors.Add(Error(n, IdNumber, id, "身份证号中的出生日期晚于今天。"));
            else if (birth is not null && birth != idBirth)
                errors.Add(Error(n, BirthDate, birth.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "出生日期与身份证号中的出生日期不一致。"));
        }

        var phone = Cell(Phone).Text.Trim();
        if (phone.Length > 0 && !PersonalData.IsMobilePhone(phone))
            errors.Add(Error(n, Phone, phone, "手机号应为 11 位数字，以 1 开头。"));

        if (errors.Count > before)
            return null;
        return new Valid(n, name!, gender!.Value, ethnicity!, party, birth ?? idBirth!.Value, id, phone.Length > 0 ? phone : null, occupation, termNumber, termId, delegation, electoralUnit, deputyGroup, status!.Value);
    }

    /// <summary>Excel turns a typed ID number into a number and loses digits: say how to avoid it.</summary>
    private static string IdNumberHint(ImportCell cell, string message)
        => cell.IsNumber ? message + "该单元格是数字格式，Excel 已丢失末尾数位：请将身份证号列设为文本格式后重新填写。" : message;

    private static DateOnly? ParseDate(ImportCell cell)
    {
        // XLSX stores dates as serial numbers (days since 1899-12-30) in numeric cells.
        if (cell.IsNumber && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return DateOnly.TryParseExact(cell.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static ImportRowError Error(int row, string column, string? value, string message)
    {
        var shown = value is null ? null
            : column == IdNumber ? PersonalData.MaskIdNumber(value)
            : column == Phone ? PersonalData.MaskPhone(value)
            : value.Length > 50 ? value[..50] + "…" : value;
        return new ImportRowError(row, column, shown, message);
    }

    /// <summary>The template: the header row, UTF-8 with BOM so that Excel opens it as Chinese text.</summary>
    public static byte[] CsvTemplate()
        => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(",", Columns.Select(c => c.Header)) + "\r\n")];

    /// <summary>The template as a workbook whose columns are formatted as text, so Excel keeps ID and phone numbers whole.</summary>
    public static byte[] XlsxTemplate()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }) { Count = 2 });
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var header = new Row { RowIndex = 1 };
            foreach (var column in Columns)
                header.Append(new Cell { DataType = CellValues.InlineString, StyleIndex = 1, InlineString = new InlineString(new Text(column.Header)) });
            sheetPart.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = (uint)Columns.Count, Width = 16, CustomWidth = true, Style = 1 }),
                new SheetData(header));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "代表名册" }));
        }
        return stream.ToArray();
    }
}
