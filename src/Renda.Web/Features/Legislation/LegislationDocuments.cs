using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Renda.Web.Platform.Documents;

namespace Renda.Web.Features.Legislation;

/// <summary>
/// The 条文对照表 as committees print it: landscape A4, three columns 原条文 / 修改后条文 / 说明; as on the screen, what the new text
/// deletes is struck through in the old column and what it adds is underlined (and bold) in the new one — on paper without colour
/// the two must differ by their marks, not by a shade.
/// </summary>
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
                // A deleted article is struck through whole, an inserted one underlined whole (their text has no spans of its own).
                Mark(cells[0], row.OldLabel is null ? 0 : row.OldLabel.Length + 1, row.Kind == ChangeKind.Deleted ? Whole(row.OldText) : row.OldSpans, Change.Deleted);
                Mark(cells[1], row.NewLabel is null ? 0 : row.NewLabel.Length + 1, row.Kind == ChangeKind.Inserted ? Whole(row.NewText) : row.NewSpans, Change.Added);
            }
            word.MainDocumentPart.Document.Save();
        }
        return ms.ToArray();
    }

    private enum Change { Deleted = 1, Added = 2 }

    private static IReadOnlyList<CharSpan> Whole(string? text) => string.IsNullOrEmpty(text) ? [] : [new CharSpan(0, text.Length)];

    private static void Mark(TableCell cell, int offset, IReadOnlyList<CharSpan> spans, Change change)
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
            if (start > at) para.InsertBefore(Piece(run, text[at..start], null), run);
            if (end > start) para.InsertBefore(Piece(run, text[start..end], change), run);
            at = end;
        }
        if (at < text.Length) para.InsertBefore(Piece(run, text[at..], null), run);
        run.Remove();
    }

    private static Run Piece(Run template, string text, Change? change)
    {
        // Built in the schema's order (rFonts, b, strike, sz, u): Word refuses a document whose run properties are out of order.
        var props = new RunProperties();
        if (template.RunProperties?.RunFonts is { } fonts) props.Append(fonts.CloneNode(true));
        if (change == Change.Added) props.Append(new Bold());
        if (change == Change.Deleted) props.Append(new Strike());
        if (template.RunProperties?.FontSize is { } size) props.Append(size.CloneNode(true));
        if (change == Change.Added) props.Append(new Underline { Val = UnderlineValues.Single });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
