using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Renda.Web.Platform.Documents;

namespace Renda.Web.Features.Legislation;

/// <summary>The 条文对照表 as committees print it: landscape A4, three columns 原条文 / 修改后条文 / 说明, changed characters in bold.</summary>
public static class LegislationDocuments
{
    public static byte[] Comparison(string billTitle, ComparisonView view)
    {
        var rows = view.Rows.Where(r => r.Kind != ChangeKind.Unchanged).ToList();
        var doc = new WordDocument()
            .Title($"《{billTitle}》条文对照表")
            .Subtitle($"{view.FromLabel} → {view.ToLabel}（{LegislationLabels.ChangeSummary(rows)}）")
            .Table(["原条文", "修改后条文", "说明"], rows.Select(r => (IReadOnlyList<string>)
            [
                r.OldText is null ? "" : $"{r.OldLabel} {r.OldText}",
                r.NewText is null ? "" : $"{r.NewLabel} {r.NewText}",
                string.IsNullOrEmpty(r.Reason) ? LegislationLabels.Of(r.Kind) : $"{LegislationLabels.Of(r.Kind)}。{r.Reason}",
            ]));
        return Landscape(doc.ToBytes(), rows);
    }

    /// <summary>Turns the page (WordDocument writes portrait A4) and marks each row's changed characters, offset by the label in front.</summary>
    private static byte[] Landscape(byte[] bytes, IReadOnlyList<ComparisonRow> rows)
    {
        using var ms = new MemoryStream();
        ms.Write(bytes);
        using (var word = WordprocessingDocument.Open(ms, true))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var section = body.Elements<SectionProperties>().Last();
            section.RemoveAllChildren<PageSize>();
            section.PrependChild(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape });
            var table = body.Elements<Table>().First();
            table.GetFirstChild<TableProperties>()!.Append(new TableLayout { Type = TableLayoutValues.Fixed });
            var grid = new TableGrid(new GridColumn { Width = "6000" }, new GridColumn { Width = "6000" }, new GridColumn { Width = "2700" });
            table.InsertAfter(grid, table.GetFirstChild<TableProperties>());
            foreach (var (tr, row) in table.Elements<TableRow>().Skip(1).Zip(rows))
            {
                var cells = tr.Elements<TableCell>().ToList();
                Mark(cells[0], row.OldLabel is null ? 0 : row.OldLabel.Length + 1, row.OldSpans);
                Mark(cells[1], row.NewLabel is null ? 0 : row.NewLabel.Length + 1, row.NewSpans);
            }
            word.MainDocumentPart.Document.Save();
        }
        return ms.ToArray();
    }

    private static void Mark(TableCell cell, int offset, IReadOnlyList<CharSpan> spans)
    {
        var para = cell.Elements<Paragraph>().First();
        var run = para.Elements<Run>().First();
        var text = run.InnerText;
        if (spans.Count == 0 || text.Length == 0) return;
        var at = 0;
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            var start = Math.Min(text.Length, s.Start + offset);
            var end = Math.Min(text.Length, start + s.Length);
            if (start < at) continue;
            if (start > at) para.InsertBefore(Piece(run, text[at..start], false), run);
            if (end > start) para.InsertBefore(Piece(run, text[start..end], true), run);
            at = end;
        }
        if (at < text.Length) para.InsertBefore(Piece(run, text[at..], false), run);
        run.Remove();
    }

    private static Run Piece(Run template, string text, bool changed)
    {
        var props = (RunProperties?)template.RunProperties?.CloneNode(true) ?? new RunProperties();
        if (changed)
        {
            props.Append(new Bold());
            props.Append(new Underline { Val = UnderlineValues.Single });
        }
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
