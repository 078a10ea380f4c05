using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace SelfLearn.Api.Tests.Web;

/// <summary>Finding the native element behind a MudBlazor control that carries a data-testid.</summary>
public static class PageControls
{
    /// <summary>How long a page may take to show what a click wrote (the machine is shared; bUnit's default is a second).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static IElement Input<TPage>(this IRenderedComponent<TPage> page, string testId) where TPage : IComponent
    {
        var element = page.Find($"[data-testid='{testId}']");
        return element.TagName is "INPUT" or "SELECT" or "TEXTAREA" ? element : element.QuerySelector("input, select, textarea")!;
    }

    public static void Fill<TPage>(this IRenderedComponent<TPage> page, string testId, string value) where TPage : IComponent =>
        page.Input(testId).Change(value);

    public static void Press<TPage>(this IRenderedComponent<TPage> page, string testId) where TPage : IComponent
    {
        var element = page.Find($"[data-testid='{testId}']");
        (element.TagName == "BUTTON" ? element : element.QuerySelector("button")!).Click();
    }
}
