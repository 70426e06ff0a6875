using System.Text.RegularExpressions;

namespace Dso.Api.Tests;

public partial class GraphiQLBundleTests
{
    [Fact]
    public void TheBuiltIde_LoadsNothingFromOutside()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "src", "Dso.Api", "wwwroot", "graphiql");
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)).ToList();

        Assert.Contains(files, f => f.EndsWith("index.html", StringComparison.Ordinal));
        Assert.Empty(files.Where(f => RemoteLoad().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    // Script, style, module or worker loads from another origin, or any known CDN host.
    [GeneratedRegex("""(src|href)=["']https?://|import\(["']https?://|from["']https?://|url\(["']?https?://|esm\.sh/|unpkg\.com|jsdelivr\.net|cdnjs\.""")]
    private static partial Regex RemoteLoad();
}
