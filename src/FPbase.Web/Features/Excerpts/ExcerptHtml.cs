using System.Text.Encodings.Web;
using FPbase.Data.Domain;
using Microsoft.AspNetCore.Html;

namespace FPbase.Web.Features.Excerpts;

/// <summary>An excerpt's text as HTML: encoded text, links to the proteins it names, the page's own protein in bold.</summary>
public static class ExcerptHtml
{
    public static IHtmlContent Render(IReadOnlyList<ExcerptSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new HtmlContentBuilder(segments.Count * 3);
        foreach (var segment in segments)
        {
            if (segment.Slug is null)
            {
                html.Append(segment.Text);
            }
            else if (segment.Own)
            {
                html.AppendHtml("<strong>").Append(segment.Text).AppendHtml("</strong>");
            }
            else
            {
                html.AppendHtml($"<a href=\"/protein/{UrlEncoder.Default.Encode(segment.Slug)}/\" class=\"protein-link\">").Append(segment.Text).AppendHtml("</a>");
            }
        }

        return html;
    }
}
