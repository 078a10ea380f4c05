using Bunit;
using Microsoft.AspNetCore.Components;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Web;

/// <summary>A page test on the collection's shared app host, its database reset before each test.</summary>
public abstract class PageTest(AppFixture fixture) : ApiTest(fixture), IDisposable
{
    private PageRenderer? _pages;

    private PageRenderer Pages => _pages ??= new PageRenderer(Host);

    /// <summary>Renders <typeparamref name="TPage"/> for a person signed in with <paramref name="key"/> (a meta-user unless told).</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null,
        string key = Keys.MetaUser, string role = "meta-user")
        where TPage : IComponent =>
        Pages.Render(parameters, key, role);

    protected string CurrentUri => Pages.CurrentUri;

    /// <summary>Goes to a page address first: how a page's query parameters (e.g. <c>?asOf=</c>) are given.</summary>
    protected void NavigateTo(string relativeUri) => Pages.NavigateTo(relativeUri);

    /// <summary>Waits until the page has what the API answered (its loading bar is gone).</summary>
    protected static void WaitUntilLoaded<TPage>(IRenderedComponent<TPage> page) where TPage : IComponent =>
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label=Loading]")), TimeSpan.FromSeconds(30));

    /// <summary>Clicks the button with this text; found and clicked in one step, as a polling page may re-render in between.</summary>
    protected static Task ClickButton<TPage>(IRenderedComponent<TPage> page, string text) where TPage : IComponent =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    /// <summary>Types into the n-th element matching <paramref name="selector"/>, found and changed in one step.</summary>
    protected static Task Type<TPage>(IRenderedComponent<TPage> page, string selector, string value, int index = 0) where TPage : IComponent =>
        page.InvokeAsync(() => page.FindAll(selector)[index].Change(value));

    public void Dispose()
    {
        _pages?.Dispose();
        GC.SuppressFinalize(this);
    }
}
