namespace SelfLearn.Web.SignIn;

/// <summary>The UI's cookie sign-in: a person signs in with an API key; the cookie carries the key for the API calls.</summary>
public static class WebSignIn
{
    public const string Scheme = "SelfLearnWeb";
    public const string KeyClaim = "selflearn:api-key";
    public const string KeyHeader = "X-Api-Key";
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";

    /// <summary>Roles that may sign in; a service key serves the MaaS only.</summary>
    public static readonly IReadOnlySet<string> PeopleRoles = new HashSet<string>(StringComparer.Ordinal) { "meta-user", "auditor" };

    public const string WriterRole = "meta-user";

    public const int MaxKeyLength = 200;

    /// <summary>Whether the text can travel as the key header at all (visible ASCII, bounded), before the API is asked about it.</summary>
    public static bool CanBeKey(string text) =>
        text.Length is > 0 and <= MaxKeyLength && text.All(c => c is > ' ' and <= '~');
}
