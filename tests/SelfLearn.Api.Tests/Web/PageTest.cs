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

    public void Dispose()
    {
        _pages?.Dispose();
        GC.SuppressFinalize(this);
    }
}
