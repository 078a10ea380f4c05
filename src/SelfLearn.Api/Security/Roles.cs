namespace SelfLearn.Api.Security;

public static class Roles
{
    public const string MetaUser = "meta-user";
    public const string Auditor = "auditor";
    public const string Service = "service";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { MetaUser, Auditor, Service };
}

/// <summary>Policy names used on endpoints: who may change, who may audit, who may read config.</summary>
public static class Policies
{
    public const string Write = "write";
    public const string Audit = "audit";
    public const string Read = "read";
    public const string Maas = "maas";
}
