using System.Security.Claims;

namespace SelfLearn.Api.Security;

public static class Caller
{
    public static string Name(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
