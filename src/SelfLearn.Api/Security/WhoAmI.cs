using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace SelfLearn.Api.Security;

/// <summary>Who the key in the request is: its role and the name events record. The web UI signs in with it.</summary>
public static class WhoAmI
{
    public sealed record Identity(string Role, string Caller);

    [Authorize(Policy = Policies.Read)]
    [WolverineGet("/api/me", OperationId = "WhoAmI")]
    public static Identity Get(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Role) ?? "", user.Name());
}
