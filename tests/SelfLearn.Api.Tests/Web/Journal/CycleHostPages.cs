using System.Security.Claims;
using Alba;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SelfLearn.Web.Api;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Api.Tests.Web.Journal;

/// <summary>
/// Pages rendered by bUnit against a cycle app (<c>CycleApp</c>), whose cycles run end to end: what <see cref="PageTest"/>
/// does for the shared app host, for a host that can reach a cycle's report.
/// </summary>
public sealed class CycleHostPages(IAlbaHost host) : IDisposable
{
    private readonly BunitContext _ui = new();
    private bool _ready;

    public IRenderedComponent<TPage> Render<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters, string key, string role)
        where TPage : IComponent
    {
        if (!_ready)
        {
            _ui.JSInterop.Mode = JSRuntimeMode.Loose;
            _ui.Services.AddMudServices();
            var authorization = _ui.AddAuthorization();
            authorization.SetAuthorized($"{role}#test");
            authorization.SetRoles(role);
            authorization.SetClaims(new Claim(WebSignIn.KeyClaim, key));
            var server = host.Server;
            _ui.Services.AddScoped(sp => new SelfLearnApi(
                new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress },
                sp.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()));
            _ui.Render<MudBlazor.MudPopoverProvider>();
            _ready = true;
        }
        return _ui.Render(parameters);
    }

    public void Dispose() => _ui.Dispose();
}
