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

    /// <summary>Renders <typeparamref name="TPage"/> for a person signed in with <paramref name="key"/> (a meta-user unless told).</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null,
        string key = Keys.MetaUser, string role = "meta-user")
        where TPage : IComponent
    {
        Ui.JSInterop.Mode = JSRuntimeMode.Loose;
        Ui.Services.AddMudServices();
        var authorization = Ui.AddAuthorization();
        authorization.SetAuthorized($"{role}#test");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(WebSignIn.KeyClaim, key));
        var server = Host.Server;
        Ui.Services.AddScoped(sp => new SelfLearnApi(
            new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress },
            sp.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()));
        Ui.Render<MudBlazor.MudPopoverProvider>();
        return parameters is null ? Ui.Render<TPage>() : Ui.Render(parameters);
    }

    /// <summary>Waits until the page has what the API answered (its loading bar is gone).</summary>
    protected static void WaitUntilLoaded<TPage>(IRenderedComponent<TPage> page) where TPage : IComponent =>
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label=Loading]")), TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        Ui.Dispose();
        GC.SuppressFinalize(this);
    }
}
