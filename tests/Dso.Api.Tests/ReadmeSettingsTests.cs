using System.Reflection;
using System.Text.RegularExpressions;

namespace Dso.Api.Tests;

/// <summary>Every setting the API reads is in the README (its configuration table or its limits).</summary>
public partial class ReadmeSettingsTests
{
    [Fact]
    public void EverySettingOfTheApi_IsInTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var bound = typeof(Dso.Api.Hosting.DsoApp).Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section?.StartsWith("Dso:", StringComparison.Ordinal) == true)
            .SelectMany(t => t.Type.GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => $"{t.Section}:{p.Name}"));
        var read = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Setting().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));

        var missing = bound.Concat(read).Distinct().Select(s => s.Replace(":", "__", StringComparison.Ordinal)).Where(s => !readme.Contains(s, StringComparison.Ordinal)).Order();

        Assert.Empty(missing);
    }

    [GeneratedRegex("\"(Dso:[A-Za-z]+:[A-Za-z]+)")]
    private static partial Regex Setting();
}
