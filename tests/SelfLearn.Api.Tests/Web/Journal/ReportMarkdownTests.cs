using SelfLearn.Web.Journal;

namespace SelfLearn.Api.Tests.Web.Journal;

/// <summary>A report's Markdown reaches the page as HTML that cannot run anything: raw HTML is text, odd link schemes lose their address.</summary>
public sealed class ReportMarkdownTests
{
    [Fact]
    public void Raw_html_in_the_markdown_is_shown_as_text()
    {
        var html = ReportMarkdown.ToHtml("## Tested\n\n<script>alert(1)</script>\n\n- a <img src=x onerror=alert(1)> b\n");

        Assert.Contains("<h3>Tested</h3>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Only_web_and_site_links_keep_their_address()
    {
        var html = ReportMarkdown.ToHtml("[run](javascript:alert(1)) [data](data:text/html,x) [page](/cycles/c1) [site](https://example.org/a)\n");

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"/cycles/c1\">page</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a\">site</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Russian_text_and_tables_render_as_written_with_headings_one_level_down()
    {
        var html = ReportMarkdown.ToHtml("# Отчёт\n\n## Карта гипотез\n\n| метрика | было |\n|---|---|\n| recall | 0.5 |\n");

        Assert.Contains("<h2>Отчёт</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Карта гипотез</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<td>recall</td>", html, StringComparison.Ordinal);
    }
}
