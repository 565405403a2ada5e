using Renda.Web.Platform.Organisations;

namespace Renda.Web.Platform.LegalText;

/// <summary>How each level is numbered in writing, and how a text is renumbered after an edit.</summary>
public static class LegalNumbering
{
    public static string Label(LegalNode n) => n.Kind switch
    {
        LegalUnitKind.Book => n.Number == 0 ? "" : $"第{ChineseNumerals.Of(n.Number)}编",
        LegalUnitKind.Part => n.Number == 0 ? "" : $"第{ChineseNumerals.Of(n.Number)}分编",
        LegalUnitKind.Chapter => n.Number == 0 ? "" : $"第{ChineseNumerals.Of(n.Number)}章",
        LegalUnitKind.Section => n.Number == 0 ? "" : $"第{ChineseNumerals.Of(n.Number)}节",
        LegalUnitKind.Article => ArticleLabel(n.Number, n.Suffix),
        LegalUnitKind.Paragraph => "",
        LegalUnitKind.Item => $"（{ChineseNumerals.Of(n.Number)}）",
        LegalUnitKind.Subitem => $"{n.Number}.",
        LegalUnitKind.Text => "",
    };

    public static string ArticleLabel(int number, int suffix = 0) =>
        $"第{ChineseNumerals.Of(number)}条" + (suffix > 0 ? $"之{ChineseNumerals.Of(suffix)}" : "");

    /// <summary>The line a node contributes to the plain text (an article contributes none: its first paragraph carries its number).</summary>
    internal static string LineOf(LegalNode n) => n.Kind switch
    {
        LegalUnitKind.Book or LegalUnitKind.Part or LegalUnitKind.Chapter or LegalUnitKind.Section =>
            n.Number == 0 ? n.Heading ?? "" : string.IsNullOrEmpty(n.Heading) ? Label(n) : $"{Label(n)} {n.Heading}",
        LegalUnitKind.Article => "",
        LegalUnitKind.Paragraph => n.Text,
        LegalUnitKind.Item => Label(n) + n.Text,
        LegalUnitKind.Subitem => $"{Label(n)} {n.Text}".TrimEnd(),
        LegalUnitKind.Text => n.Heading ?? n.Text,
    };

    /// <summary>
    /// Numbers the whole text again after an edit: articles through the text from <see cref="LegalDocument.FirstArticleNumber"/>
    /// (an article with a suffix, 第N条之一, stays attached to the article before it), books through the text, parts within
    /// their book, chapters within their book (or through the text: <see cref="LegalDocument.ChaptersThroughText"/>), sections within their chapter; paragraphs, items and subitems within
    /// their parent. Unnumbered divisions (附则) stay unnumbered.
    /// </summary>
    public static void Renumber(LegalDocument doc)
    {
        var article = doc.FirstArticleNumber - 1;
        var suffix = 0;
        var books = 0;
        var chapters = new Dictionary<string, int>(); // by the id of the book that scopes them ("" = the text)
        Walk(doc.Body, "");

        void Walk(List<LegalNode> nodes, string book)
        {
            int parts = 0, sections = 0, paragraphs = 0, items = 0, subitems = 0, blocks = 0;
            foreach (var n in nodes)
            {
                switch (n.Kind)
                {
                    case LegalUnitKind.Book:
                        if (n.Number != 0) n.Number = ++books;
                        break;
                    case LegalUnitKind.Part:
                        if (n.Number != 0) n.Number = ++parts;
                        break;
                    case LegalUnitKind.Chapter:
                        // Chapters run on through the parts (分编) of a book, as in the Civil Code.
                        if (n.Number != 0) n.Number = chapters[book] = chapters.GetValueOrDefault(book) + 1;
                        break;
                    case LegalUnitKind.Section:
                        if (n.Number != 0) n.Number = ++sections;
                        break;
                    case LegalUnitKind.Article:
                        if (n.Suffix == 0 || article < doc.FirstArticleNumber)
                        {
                            n.Number = ++article;
                            n.Suffix = suffix = 0;
                        }
                        else
                        {
                            n.Number = article;
                            n.Suffix = ++suffix;
                        }
                        break;
                    case LegalUnitKind.Paragraph:
                        n.Number = ++paragraphs;
                        break;
                    case LegalUnitKind.Item:
                        n.Number = ++items;
                        break;
                    case LegalUnitKind.Subitem:
                        n.Number = ++subitems;
                        break;
                    case LegalUnitKind.Text:
                        n.Number = ++blocks;
                        break;
                }
                Walk(n.Children, n.Kind == LegalUnitKind.Book && !doc.ChaptersThroughText ? n.Id : book);
            }
        }
    }
}
