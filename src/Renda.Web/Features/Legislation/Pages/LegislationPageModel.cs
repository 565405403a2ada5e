using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Renda.Web.Platform.Web.Pages;

namespace Renda.Web.Features.Legislation.Pages;

/// <summary>The module's pages on the shared workflow page model (GET loads; a POST runs one step).</summary>
public abstract class LegislationPageModel(RendaDbContext db) : WorkflowPageModel<LegislationActor>(db)
{
    public override LegislationActor Actor => new LegislationActor(new CurrentUser(User));
    protected override bool MayOpen => Actor.MayRead;
}

/// <summary>HTML helpers of the module's pages.</summary>
public static class LegislationHtml
{
    /// <summary>The text HTML-encoded with the changed spans wrapped in &lt;mark&gt; (the comparison's character spans).</summary>
    public static IHtmlContent Mark(string? text, IReadOnlyList<CharSpan> spans, string css)
    {
        if (string.IsNullOrEmpty(text)) return HtmlString.Empty;
        var sb = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            var start = Math.Clamp(s.Start, at, text.Length);
            var end = Math.Clamp(s.Start + s.Length, start, text.Length);
            sb.Append(HtmlEncoder.Default.Encode(text[at..start]));
            if (end > start) sb.Append("<mark class=\"").Append(css).Append("\">").Append(HtmlEncoder.Default.Encode(text[start..end])).Append("</mark>");
            at = end;
        }
        sb.Append(HtmlEncoder.Default.Encode(text[at..]));
        return new HtmlString(sb.ToString());
    }

    public static string KindBadge(ChangeKind k) => k switch
    {
        ChangeKind.Unchanged => "text-bg-light",
        ChangeKind.Changed => "text-bg-warning",
        ChangeKind.Inserted => "text-bg-success",
        ChangeKind.Deleted => "text-bg-danger",
        ChangeKind.Moved => "text-bg-info",
    };
}
