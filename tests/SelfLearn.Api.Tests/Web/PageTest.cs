using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.Api;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Api.Tests.Web;

/// <summary>
/// A page rendered by bUnit whose API calls go to the real app host (the collection's PostgreSQL) with a signed-in
/// person's key: cheaper than a browser, and still no second path to the data.
/// </summary>
public abstract class PageTest(AppFixture fixture) : ApiTest(fixture), IDisposable
{
    protected BunitContext Ui { get; } = new();

    private BunitAuthorizationContext? _authorization;

    /// <summary>Renders <typeparamref name="TPage"/> for a person signed in with <paramref name="key"/> (a meta-user unless told).</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null,
        string key = Keys.MetaUser, string role = "meta-user")
        where TPage : IComponent
    {
        _authorization ??= StartUi();
        _authorization.SetAuthorized($"{role}#test");
        _authorization.SetRoles(role);
        _authorization.SetClaims(new Claim(WebSignIn.KeyClaim, key));
        return parameters is null ? Ui.Render<TPage>() : Ui.Render(parameters);
    }

    private BunitAuthorizationContext StartUi()
    {
        Ui.JSInterop.Mode = JSRuntimeMode.Loose;
        Ui.Services.AddMudServices();
        var authorization = Ui.AddAuthorization();
        var server = Host.Server;
        Ui.Services.AddScoped(sp => new SelfLearnApi(
            new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress },
            sp.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()));
        Ui.Render<MudBlazor.MudPopoverProvider>();
        return authorization;
    }

    protected string CurrentUri => Ui.Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>Goes to a page address first: how a page's query parameters (e.g. <c>?asOf=</c>) are given.</summary>
    protected void NavigateTo(string relativeUri)
    {
        _authorization ??= StartUi();
        Ui.Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);
    }

    /// <summary>Clicks the button with this text; found and clicked in one step, as a polling page may re-render in between.</summary>
    protected static Task ClickButton<TPage>(IRenderedComponent<TPage> page, string text) where TPage : IComponent =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());

    /// <summary>Types into the n-th element matching <paramref name="selector"/>, found and changed in one step.</summary>
    protected static Task Type<TPage>(IRenderedComponent<TPage> page, string selector, string value, int index = 0) where TPage : IComponent =>
        page.InvokeAsync(() => page.FindAll(selector)[index].Change(value));

    /// <summary>Waits until the page has what the API answered (its loading bar is gone).</summary>
    protected static void WaitUntilLoaded<TPage>(IRenderedComponent<TPage> page) where TPage : IComponent =>
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label=Loading]")), TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        Ui.Dispose();
        GC.SuppressFinalize(this);
    }
}
