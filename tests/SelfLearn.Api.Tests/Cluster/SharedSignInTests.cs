using System.Net;
using System.Security.Claims;
using Alba;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Api.Tests.Cluster;

/// <summary>
/// The web UI's sign-in cookie is protected with the key ring kept in PostgreSQL: any node on the same database reads a
/// cookie another node issued, also after a restart; a node on another database does not (so the keys travel through the
/// database, not through this machine's disk).
/// </summary>
public sealed class SharedSignInTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_node_opens_a_page_on_another_node_and_after_a_restart_but_not_on_another_database()
    {
        using var shared = EmbeddedPostgres.StartThrowAway("selflearn_shared_keys");
        using var elsewhere = EmbeddedPostgres.StartThrowAway("selflearn_other_keys");
        string cookie;
        await using (var issuer = await StartAsync(shared))
        {
            cookie = Issue(issuer);
            await using var other = await StartAsync(shared);
            Assert.Equal(HttpStatusCode.OK, await OpenOverviewAsync(other, cookie));
        }

        await using (var restarted = await StartAsync(shared))
            Assert.Equal(HttpStatusCode.OK, await OpenOverviewAsync(restarted, cookie));

        await using var stranger = await StartAsync(elsewhere);
        Assert.Equal(HttpStatusCode.Redirect, await OpenOverviewAsync(stranger, cookie));
    }

    private static Task<IAlbaHost> StartAsync(EmbeddedPostgres postgres) => AlbaHost.For<Program>(builder =>
    {
        TestSettings.Apply(builder, postgres.ConnectionString);
        builder.UseSetting("RateLimiting:Enabled", "false");
    });

    /// <summary>What the sign-in page writes into the cookie for a meta-user, protected by this node's cookie handler.</summary>
    private static string Issue(IAlbaHost node)
    {
        var options = node.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(WebSignIn.Scheme);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "meta-user#test"), new Claim(ClaimTypes.Role, "meta-user"), new Claim(WebSignIn.KeyClaim, Keys.MetaUser)],
            WebSignIn.Scheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow }, WebSignIn.Scheme);
        return options.TicketDataFormat.Protect(ticket);
    }

    private static async Task<HttpStatusCode> OpenOverviewAsync(IAlbaHost node, string cookie)
    {
        using var http = node.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"selflearn.web={cookie}");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
