using PdfSharp.Fonts;

namespace Dso.Api.Messaging;

/// <summary>
/// The fonts of printed documents: DejaVu Sans (regular and bold, which carry the euro sign and every accented
/// letter of French) read from <c>Dso:Letters:FontDirectory</c> (Debian's fonts-dejavu-core by default).
/// PDFsharp's font resolver is process-wide, so it is installed once.
/// </summary>
public sealed class DejaVuFonts(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock Installing = new();

    public static void Install(string directory)
    {
        lock (Installing)
        {
            GlobalFontSettings.FontResolver ??= new DejaVuFonts(directory);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(directory, faceName + ".ttf");
        return File.Exists(path) ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The font {faceName}.ttf is not in {directory} (Dso:Letters:FontDirectory); install Debian's fonts-dejavu-core.", path);
    }
}
