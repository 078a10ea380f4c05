using Microsoft.AspNetCore.Authentication;

namespace SelfLearn.Api.Security;

public static class SecuritySetup
{
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Write, p => p.RequireRole(Roles.MetaUser))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.MetaUser, Roles.Auditor))
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.MetaUser, Roles.Auditor, Roles.Service))
            .AddPolicy(Policies.Maas, p => p.RequireRole(Roles.MetaUser, Roles.Service));
        return services;
    }

    /// <summary>Development keys are printed so a first run can be tried at once; never outside Development.</summary>
    public static void PrintDevelopmentKeys(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            return;
        foreach (var key in app.Configuration.GetSection("ApiKeys").GetChildren())
            Console.WriteLine($"[development] API key for role {key.Value}: {key.Key}");
    }
}
