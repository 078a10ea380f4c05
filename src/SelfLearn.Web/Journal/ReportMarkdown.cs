using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SelfLearn.Web.Journal;

/// <summary>
/// A cycle's Markdown report as HTML that is safe to put on the page: raw HTML in the Markdown is shown as text, and a
/// link or image whose address is not http(s) or a path on this site loses its address. Headings move one level down,
/// so the report sits under the page's own h1.
/// </summary>
public static class ReportMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level + 1);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "";
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url)
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || url.StartsWith('#')
        || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https");
}
