using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Renda.Web.Platform.Documents;

/// <summary>
/// A plain official-style Word document (A4, 宋体 body, 黑体 headings, centred title, ruled tables): what committee
/// offices open in Word or WPS and print. Built in memory; modules add paragraphs and tables in reading order.
/// </summary>
public sealed class WordDocument(WordLayout layout = WordLayout.Plain)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private readonly List<OpenXmlElement> _body = [];
    private bool Official => layout == WordLayout.Official;

    public WordDocument Title(string text)
    {
        _body.Add(Official
            ? Para(text, size: 44, font: "方正小标宋简体", centred: true, after: 0, exactLine: OfficialLine)
            : Para(text, size: 44, bold: true, font: "黑体", centred: true, after: 240));
        return this;
    }

    public WordDocument Subtitle(string text)
    {
        _body.Add(Official
            ? Para(text, size: 32, font: "楷体_GB2312", centred: true, exactLine: OfficialLine)
            : Para(text, size: 28, centred: true, after: 240));
        return this;
    }

    public WordDocument Heading(string text)
    {
        _body.Add(Official
            ? Para(text, size: 32, font: "黑体", indent: true, exactLine: OfficialLine)
            : Para(text, size: 32, bold: true, font: "黑体", before: 240, after: 120));
        return this;
    }

    public WordDocument Paragraph(string text, bool bold = false, bool indent = true)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            _body.Add(Official
                ? Para(line, size: 32, bold: bold, font: "仿宋_GB2312", indent: indent, exactLine: OfficialLine)
                : Para(line, size: 28, bold: bold, indent: indent, after: 60));
        return this;
    }

    /// <summary>A line set to the right margin (the issuing unit and the date above the seal, GB/T 9704 7.3.5).</summary>
    public WordDocument RightAligned(string text)
    {
        _body.Add(Official
            ? Para(text, size: 32, font: "仿宋_GB2312", right: true, exactLine: OfficialLine)
            : Para(text, size: 28, right: true, after: 60));
        return this;
    }

    /// <summary>GB/T 9704 puts 22 lines on a page: an exact line of 28.95 pt (579 twips) in the 225 mm type area.</summary>
    private const int OfficialLine = 579;

    /// <summary>
    /// A ruled table across the type area. <paramref name="widths"/> are the columns' relative widths (序号 narrow, 事项 wide);
    /// without them Word shares the width out equally, which wraps a long title one character a line beside an empty number column.
    /// </summary>
    public WordDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int>? widths = null)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 6 }, new BottomBorder { Val = BorderValues.Single, Size = 6 },
            new LeftBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var properties = new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" });
        var table = new Table(properties);
        int[]? twips = null;
        if (widths is { Count: > 0 } && widths.Count == headers.Count)
        {
            // Portrait A4's type area (11906 − 1588 − 1474 twips), shared out by weight; a fixed layout keeps Word and WPS from re-balancing it.
            var total = widths.Sum();
            twips = widths.Select(w => TypeAreaWidth * w / total).ToArray();
            properties.Append(new TableLayout { Type = TableLayoutValues.Fixed });
            table.Append(new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        }
        table.Append(Row(headers, header: true, twips));
        foreach (var r in rows) table.Append(Row(r, header: false, twips));
        _body.Add(table);
        _body.Add(Para("", size: 20));
        return this;
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body(_body.Select(e => e.CloneNode(true)));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                Official
                    // GB/T 9704-2012 5.2.1: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm = 56.7 twips).
                    ? new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }
                    : new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private const int TypeAreaWidth = 11906 - 1588 - 1474;

    private static TableRow Row(IReadOnlyList<string> cells, bool header, int[]? twips = null)
    {
        var row = new TableRow(cells.Select((c, i) =>
        {
            var props = new TableCellProperties();
            if (twips is not null && i < twips.Length)
                props.Append(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = twips[i].ToString(System.Globalization.CultureInfo.InvariantCulture) });
            props.Append(header ? new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6" } : new Shading { Val = ShadingPatternValues.Nil });
            return new TableCell(props, Para(c, size: 22, bold: header, centred: header));
        }));
        // The header row is repeated at the top of every printed page.
        if (header) row.PrependChild(new TableRowProperties(new TableHeader()));
        return row;
    }

    private static Paragraph Para(string text, int size, bool bold = false, string font = "宋体", bool centred = false, bool indent = false, int before = 0, int after = 0, int? exactLine = null, bool right = false)
    {
        var runProps = new RunProperties(new RunFonts { EastAsia = font, Ascii = "Times New Roman", HighAnsi = "Times New Roman" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) runProps.Append(new Bold());
        var spacing = new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (exactLine is { } line)
            (spacing.Line, spacing.LineRule) = (line.ToString(System.Globalization.CultureInfo.InvariantCulture), LineSpacingRuleValues.Exact);
        var props = new ParagraphProperties(spacing);
        if (centred) props.Append(new Justification { Val = JustificationValues.Center });
        if (right) props.Append(new Justification { Val = JustificationValues.Right });
        // Two characters: Word reads FirstLineChars, LibreOffice only FirstLine (twips: size in half-points × 20 = two characters).
        if (indent) props.Append(new Indentation { FirstLineChars = 200, FirstLine = (size * 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}

/// <summary>Plain: the committee's working documents. Official: GB/T 9704-2012 (党政机关公文格式) for what goes out under the congress's name.</summary>
public enum WordLayout { Plain = 1, Official = 2 }
