using System.Reflection;
using SelfLearn.Agents.Emulator.Running;

namespace SelfLearn.Agents.Tests.Emulator;

/// <summary>
/// The User Emulator is an external client of the MaaS: nothing in its namespace may touch the store, the database
/// or the message bus — not in a signature, a field (async state machines included) or a local variable — nor the
/// Student it plays against; it shares only the MaaS contract (<c>Agents/Maas</c>) and the LoCoMo model (<c>Agents/Locomo</c>).
/// </summary>
public sealed class EmulatorBoundaryTests
{
    private static readonly string[] Forbidden = ["Marten", "Npgsql", "Weasel", "Wolverine", "JasperFx"];
    private const string StudentNamespace = "SelfLearn.Agents.Student";

    private static IEnumerable<Type> EmulatorTypes() =>
        typeof(UserEmulator).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("SelfLearn.Agents.Emulator", StringComparison.Ordinal) == true);

    private static IEnumerable<Type> Expand(Type type) =>
        type.IsGenericType ? [type.GetGenericTypeDefinition(), .. type.GetGenericArguments().SelectMany(Expand)]
        : type.HasElementType ? Expand(type.GetElementType()!)
        : [type];

    private static IEnumerable<(string Where, Type Type)> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(all))
            yield return ($"{type.FullName}.{field.Name}", field.FieldType);
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            foreach (var parameter in method.GetParameters())
                yield return ($"{type.FullName}.{method.Name}({parameter.Name})", parameter.ParameterType);
            if (method is MethodInfo info)
                yield return ($"{type.FullName}.{method.Name} returns", info.ReturnType);
            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
                yield return ($"{type.FullName}.{method.Name} local", local.LocalType);
        }
    }

    [Fact]
    public void The_emulator_has_no_reference_to_the_store_the_database_or_the_bus()
    {
        var types = EmulatorTypes().ToList();
        Assert.Contains(types, t => t.Name.Contains("StateMachine", StringComparison.Ordinal) || t.Name.Contains("d__", StringComparison.Ordinal));

        var offending = types.SelectMany(UsedTypes)
            .SelectMany(use => Expand(use.Type).Select(t => (use.Where, Type: t)))
            .Where(use => Forbidden.Any(f => use.Type.Assembly.GetName().Name!.StartsWith(f, StringComparison.Ordinal)))
            .Select(use => $"{use.Where}: {use.Type.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void The_emulator_uses_no_type_of_the_student()
    {
        var offending = EmulatorTypes().SelectMany(UsedTypes)
            .SelectMany(use => Expand(use.Type).Select(t => (use.Where, Type: t)))
            .Where(use => use.Type.Namespace?.StartsWith(StudentNamespace, StringComparison.Ordinal) == true)
            .Select(use => $"{use.Where}: {use.Type.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(offending);
    }

    /// <summary>Static calls leave no field, parameter or local behind, so the sources are read too.</summary>
    [Fact]
    public void No_emulator_source_names_the_student()
    {
        var folder = Path.Combine(FindRoot(), "src", "SelfLearn.Agents", "Emulator");
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.True(sources.Length > 20, $"only {sources.Length} sources under {folder}");

        var offending = sources.Where(file => File.ReadAllText(file).Contains(StudentNamespace, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(folder, file));
        Assert.Empty(offending);
    }

    [Fact]
    public void The_check_would_notice_a_student_reference() =>
        Assert.Contains(UsedTypes(typeof(Student.Memories.IngestMemories)).SelectMany(u => Expand(u.Type)),
            t => t.Namespace?.StartsWith(StudentNamespace, StringComparison.Ordinal) == true);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SelfLearn.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No SelfLearn.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void The_check_would_notice_a_store_reference()
    {
        var store = typeof(Student.Memories.IngestMemories);
        Assert.Contains(UsedTypes(store).SelectMany(u => Expand(u.Type)), t => t.Assembly.GetName().Name == "Marten");
    }
}
