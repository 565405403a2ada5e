using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Renda.Web.Platform.LegalText;

/// <summary>The paragraphs of a Word document (.docx) as lines of text, in reading order, for <see cref="LegalTextParser.ParseLines"/>.</summary>
public static class DocxLines
{
    /// <summary>Refuses (400, field "file") anything that is not a readable .docx: a .doc, a PDF, a renamed text file.</summary>
    public static IReadOnlyList<string> Read(Stream stream)
    {
        WordprocessingDocument word;
        try
        {
            // OpenXml needs a seekable stream; an upload stream is not always one.
            var seekable = stream.CanSeek ? stream : Copy(stream);
            word = WordprocessingDocument.Open(seekable, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw DomainException.Invalid("file", "文件不是 Word 文档（.docx）：请上传 .docx 文件（旧版 .doc、PDF 请先在 Word/WPS 中另存为 .docx）");
        }
        using (word)
        {
            var body = word.MainDocumentPart?.Document?.Body
                       ?? throw DomainException.Invalid("file", "Word 文档中没有正文");
            return body.Descendants<Paragraph>().Select(TextOf).ToList();
        }
    }

    private static string TextOf(Paragraph p)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append(' '); break;
            }
        }
        return sb.ToString();
    }

    private static MemoryStream Copy(Stream s)
    {
        var m = new MemoryStream();
        s.CopyTo(m);
        m.Position = 0;
        return m;
    }
}
