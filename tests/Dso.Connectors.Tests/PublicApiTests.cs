using System.Reflection;
using System.Text;
using Dso.Connectors.Abstractions;

namespace Dso.Connectors.Tests;

/// <summary>
/// The contract's public surface, printed and compared with <c>PublicAPI.approved.txt</c> beside the project: a change
/// of the contract is a deliberate act (<c>DSO_UPDATE_API=1 dotnet test</c> rewrites the file), reviewed as text.
/// </summary>
public class PublicApiTests
{
    private static readonly string Approved = Path.Combine(RepositoryRoot.Find(), "src", "Connectors", "Dso.Connectors.Abstractions", "PublicAPI.approved.txt");

    [Fact]
    public void ThePublicSurface_IsTheApprovedOne()
    {
        var printed = Print(typeof(IConnector).Assembly);
        if (Environment.GetEnvironmentVariable("DSO_UPDATE_API") == "1")
        {
            File.WriteAllText(Approved, printed);
        }

        Assert.Equal(File.ReadAllText(Approved), printed);
    }

    [Fact]
    public void AHost_LoadsPluginsOfItsMajorVersion_UpToItsMinor()
    {
        Assert.True(ConnectorContract.IsCompatible(ConnectorContract.Version));
        Assert.True(ConnectorContract.IsCompatible("1.0"));
        Assert.True(ConnectorContract.IsCompatible("1.1"));
        Assert.True(ConnectorContract.IsCompatible("1.2"));
        Assert.True(ConnectorContract.IsCompatible("1.3"));
        Assert.False(ConnectorContract.IsCompatible("1.4"));
        Assert.False(ConnectorContract.IsCompatible("2.0"));
        Assert.False(ConnectorContract.IsCompatible("0.9"));
        Assert.False(ConnectorContract.IsCompatible("latest"));
    }

    private static string Print(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            var bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum)).Concat(type.GetInterfaces()).Select(b => Name(b!)).Order(StringComparer.Ordinal).ToList();
            text.Append(bases.Count > 0 ? " : " + string.Join(", ", bases) : "").Append('\n');
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    text.Append("  ").Append(name).Append(" = ").Append(Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }

                continue;
            }

            var members = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(Visible).Select(Member).Where(m => m is not null).Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool Visible(MemberInfo member) => !member.Name.StartsWith('<') && member switch
    {
        MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !method.IsSpecialName || method is ConstructorInfo { IsPublic: true } || method.Name.StartsWith("op_", StringComparison.Ordinal),
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily),
        FieldInfo field => field.IsPublic || field.IsFamily,
        _ => false,
    };

    private static string? Member(MemberInfo member) => member switch
    {
        ConstructorInfo constructor => $"ctor({Parameters(constructor)})",
        MethodInfo method => $"{(method.IsStatic ? "static " : "")}{(method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal ? "virtual " : "")}{Name(method.ReturnType)} {method.Name}({Parameters(method)})",
        PropertyInfo property => $"{(property.GetMethod?.IsStatic == true ? "static " : "")}{(property.GetMethod?.IsAbstract == true ? "abstract " : "")}{Name(property.PropertyType)} {property.Name} {{ {(property.GetMethod is { } get && (get.IsPublic || get.IsFamily) ? "get; " : "")}{Setter(property)}}}",
        FieldInfo field => $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : "")}{Name(field.FieldType)} {field.Name}{(field.IsLiteral ? $" = {field.GetRawConstantValue()}" : "")}",
        _ => null,
    };

    private static string Setter(PropertyInfo property) =>
        property.SetMethod is not { } set || !(set.IsPublic || set.IsFamily) ? ""
        : set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit") ? "init; " : "set; ";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? $" = {p.DefaultValue ?? "null"}" : "")}"));

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct"
        : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";

    private static string Name(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Name(inner) + "?"
        : type.IsArray ? Name(type.GetElementType()!) + "[]"
        : type.IsByRef ? Name(type.GetElementType()!) + "&"
        : type.IsGenericType ? $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.FullName ?? type.Name;
}
