using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace SelfLearn.Api.Tests.Web;

/// <summary>
/// What a test does on a page. Each action finds its element and fires its event in one step on the page's
/// dispatcher: a page that loads or polls may re-render between a separate find and fire, and the element's
/// event handler id would then be gone ("There is no event handler with ID …").
/// </summary>
public static class PageControls
{
    /// <summary>How long a page may take to show what a click wrote (the machine is shared; bUnit's default is a second).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>The native input behind a MudBlazor control that carries this data-testid.</summary>
    public static IElement Input<TPage>(this IRenderedComponent<TPage> page, string testId) where TPage : IComponent
    {
        var element = page.Find($"[data-testid='{testId}']");
        return element.TagName is "INPUT" or "SELECT" or "TEXTAREA" ? element : element.QuerySelector("input, select, textarea")!;
    }

    /// <summary>Types into the control that carries this data-testid.</summary>
    public static Task Fill<TPage>(this IRenderedComponent<TPage> page, string testId, string value) where TPage : IComponent =>
        page.InvokeAsync(() => page.Input(testId).Change(value));

    /// <summary>Presses the button that carries (or sits inside the control that carries) this data-testid.</summary>
    public static Task Press<TPage>(this IRenderedComponent<TPage> page, string testId) where TPage : IComponent =>
        page.InvokeAsync(() =>
        {
            var element = page.Find($"[data-testid='{testId}']");
            (element.TagName == "BUTTON" ? element : element.QuerySelector("button")!).Click();
        });

    /// <summary>Types into the n-th element matching <paramref name="selector"/>.</summary>
    public static Task Type<TPage>(this IRenderedComponent<TPage> page, string selector, string value, int index = 0) where TPage : IComponent =>
        page.InvokeAsync(() => page.FindAll(selector)[index].Change(value));

    /// <summary>Clicks the one element matching <paramref name="selector"/>.</summary>
    public static Task ClickOn<TPage>(this IRenderedComponent<TPage> page, string selector) where TPage : IComponent =>
        page.InvokeAsync(() => page.Find(selector).Click());

    /// <summary>Clicks the one button with this text.</summary>
    public static Task ClickButton<TPage>(this IRenderedComponent<TPage> page, string text) where TPage : IComponent =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    /// <summary>Submits the one form matching <paramref name="selector"/>.</summary>
    public static Task SubmitForm<TPage>(this IRenderedComponent<TPage> page, string selector = "form") where TPage : IComponent =>
        page.InvokeAsync(() => page.Find(selector).Submit());
}
