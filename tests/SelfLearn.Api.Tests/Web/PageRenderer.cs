using System.Security.Claims;
using Alba;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SelfLearn.Web.Api;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Api.Tests.Web;

/// <summary>
/// Renders pages with bUnit whose API calls go to a real app host (its PostgreSQL) with a signed-in person's key:
/// cheaper than a browser, and still no second path to the data.
/// </summary>
public sealed class PageRenderer(IAlbaHost host) : IDisposable
{
    private readonly BunitContext _ui = new();
    private BunitAuthorizationContext? _authorization;

    /// <summary>Renders <typeparamref name="TPage"/> for a person signed in with <paramref name="key"/> as <paramref name="role"/>.</summary>
    public IRenderedComponent<TPage> Render<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters, string key, string role)
        where TPage : IComponent
    {
        _authorization ??= Start();
        _authorization.SetAuthorized($"{role}#test");
        _authorization.SetRoles(role);
        _authorization.SetClaims(new Claim(WebSignIn.KeyClaim, key));
        return parameters is null ? _ui.Render<TPage>() : _ui.Render(parameters);
    }

    public string CurrentUri => _ui.Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>Goes to a page address first: how a page's query parameters (e.g. <c>?asOf=</c>) are given.</summary>
    public void NavigateTo(string relativeUri)
    {
        _authorization ??= Start();
        _ui.Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);
    }

    private BunitAuthorizationContext Start()
    {
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.Services.AddMudServices();
        var authorization = _ui.AddAuthorization();
        var server = host.Server;
        _ui.Services.AddScoped(sp => new SelfLearnApi(
            new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress }, sp.GetRequiredService<AuthenticationStateProvider>()));
        _ui.Render<MudBlazor.MudPopoverProvider>();
        return authorization;
    }

    public void Dispose() => _ui.Dispose();
}
