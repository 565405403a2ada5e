using System.Text;
using Renda.Web.Platform.People;
using Renda.Web.Platform.Web;

namespace Renda.Tests.Platform.People;

/// <summary>Reading import files without a server: row numbers as the user sees them, and the size limits.</summary>
public class ImportTablesTests
{
    [Fact]
    public void Rows_are_numbered_as_a_spreadsheet_shows_them_blank_lines_counted_and_a_multi_line_cell_counted_once()
    {
        var table = ImportTables.Read(Encoding.UTF8.GetBytes("姓名,职业\r\n甲,教师\r\n\r\n乙,\"第一行\r\n第二行\"\r\n丙,医生\r\n"), 100);

        table.Header.ShouldBe(["姓名", "职业"]);
        table.Rows.Select(r => (r.Number, r.Cells[0].Text)).ShouldBe([(2, "甲"), (4, "乙"), (5, "丙")]);
        table.Rows[1].Cells[1].Text.ShouldBe("第一行\r\n第二行");
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused_before_any_row_is_checked()
    {
        var csv = new StringBuilder("姓名\r\n");
        for (var i = 0; i <= DeputyImport.MaxRows; i++)
            csv.Append("某某\r\n");

        var error = Should.Throw<DomainException>(() => ImportTables.Read(Encoding.UTF8.GetBytes(csv.ToString()), DeputyImport.MaxRows));

        error.Field.ShouldBe("file");
        error.Message.ShouldContain("超过 20000 行");
        ImportTables.Read(Encoding.UTF8.GetBytes(csv.ToString()[..^"某某\r\n".Length]), DeputyImport.MaxRows).Rows.Count.ShouldBe(DeputyImport.MaxRows);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_and_binary_bytes_are_not_tables()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            zip.CreateEntry("word/document.xml");
        Should.Throw<DomainException>(() => ImportTables.Read(stream.ToArray(), 10)).Message.ShouldContain("不是 Excel 工作簿");
        Should.Throw<DomainException>(() => ImportTables.Read([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x0A, 0x01, 0x02], 10)).Message.ShouldContain("不是 CSV 或 XLSX");
    }
}
