using Microsoft.AspNetCore.Authentication;
using SelfLearn.Web;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Api.Security;

public static class SecuritySetup
{
    /// <summary>
    /// Reads the API keys once; a key without a valid role, or shorter than <see cref="ApiKeyTable.MinimumLength"/>
    /// outside Development, stops the app with exit code 2 and one message (naming roles, never keys).
    /// </summary>
    public static void AddApiKeySecurity(this WebApplicationBuilder builder)
    {
        ApiKeyTable keys;
        try
        {
            keys = ApiKeyTable.Load(builder.Configuration, builder.Environment.IsDevelopment());
        }
        catch (InvalidApiKeysException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.Exit(2);
            throw;
        }

        var services = builder.Services;
        services.AddSingleton(keys);
        services.AddAuthentication(ByRequest)
            .AddPolicyScheme(ByRequest, ByRequest, options => options.ForwardDefaultSelector =
                context => WebSetup.IsWebRequest(context) ? WebSignIn.Scheme : ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddSelfLearnWebSignIn();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Write, p => p.RequireRole(Roles.MetaUser))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.MetaUser, Roles.Auditor))
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.MetaUser, Roles.Auditor, Roles.Service))
            .AddPolicy(Policies.Maas, p => p.RequireRole(Roles.MetaUser, Roles.Service));
    }

    /// <summary>The API and the MaaS authenticate the key header; the web UI's pages the cookie its sign-in set.</summary>
    private const string ByRequest = "ByRequest";

    /// <summary>Development keys are printed so a first run can be tried at once; never outside Development.</summary>
    public static void PrintDevelopmentKeys(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            return;
        foreach (var key in app.Configuration.GetSection(ApiKeyTable.Section).GetChildren())
            Console.WriteLine($"[development] API key for role {key.Value}: {key.Key}");
    }
}
