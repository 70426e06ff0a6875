using Dso.Domain.Messaging;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Dso.Api.Messaging;

/// <summary>
/// A letter as an A4 PDF ready to print and post in a window envelope: the letterhead at the top left, the address
/// block at the right where the window shows it, the date, the subject, the text, the statement table (amounts
/// aligned right), the total, the penalty lines of a formal notice, and the client's reference at the foot of each page.
/// </summary>
public static class LetterPdf
{
    private const double Left = 56;
    private const double Right = 539;
    private const double Bottom = 780;
    private static readonly double[] Columns = [Left, 200, 280, 360, 450];

    public static byte[] Render(Letter letter, string title)
    {
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Dso";
        var writer = new PageWriter(document, letter.Reference);
        var regular = new XFont(DejaVuFonts.Family, 10);
        var bold = new XFont(DejaVuFonts.Family, 10, XFontStyleEx.Bold);
        foreach (var (line, i) in letter.Letterhead.Select((l, i) => (l, i)))
        {
            writer.Line(line, i == 0 ? new XFont(DejaVuFonts.Family, 14, XFontStyleEx.Bold) : regular, Left);
        }

        writer.Y = Math.Max(writer.Y, 140);
        foreach (var line in letter.Recipient)
        {
            writer.Line(line, regular, 320);
        }

        writer.Y += 30;
        writer.Line(letter.Date, regular, 320);
        writer.Y += 20;
        if (letter.Subject is { Length: > 0 } subject)
        {
            writer.Paragraph((letter.Language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "Objet : " : "Subject: ") + subject, bold);
        }

        foreach (var paragraph in letter.Paragraphs)
        {
            writer.Paragraph(paragraph, regular);
        }

        if (letter.Statement.Count > 0)
        {
            if (letter.StatementTitle.Length > 0)
            {
                writer.Y += 12;
                writer.Paragraph(letter.StatementTitle, new XFont(DejaVuFonts.Family, 11, XFontStyleEx.Bold), gap: 4);
            }

            writer.Row(letter.StatementHeader, bold);
            foreach (var row in letter.Statement)
            {
                writer.Row(row, regular);
            }

            writer.Y += 4;
            writer.Line(letter.Total, bold, Left);
            writer.Y += 10;
        }

        foreach (var (line, i) in letter.Penalties.Select((l, i) => (l, i)))
        {
            writer.Paragraph(line, i == 0 ? regular : bold, gap: i == 0 ? 4 : 2);
        }

        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class PageWriter(PdfDocument document, string footer)
    {
        private readonly XFont small = new(DejaVuFonts.Family, 8);
        private XGraphics? page;

        public double Y { get; set; } = 56;

        private XGraphics Page => page ??= NewPage();

        public void Line(string text, XFont font, double x, XStringFormat? format = null, double width = 0)
        {
            var height = font.GetHeight();
            Room(height);
            Page.DrawString(text, font, XBrushes.Black, new XRect(x, Y, width > 0 ? width : Right - x, height), format ?? XStringFormats.TopLeft);
            Y += height + 1;
        }

        public void Paragraph(string text, XFont font, double gap = 8)
        {
            foreach (var line in text.Split('\n'))
            {
                foreach (var wrapped in Wrap(line, font, Right - Left))
                {
                    Line(wrapped, font, Left);
                }
            }

            Y += gap;
        }

        public void Row(IReadOnlyList<string> cells, XFont font)
        {
            var height = font.GetHeight();
            Room(height);
            for (var i = 0; i < cells.Count && i < Columns.Length; i++)
            {
                var end = i + 1 < Columns.Length ? Columns[i + 1] - 8 : Right;
                var right = i >= 3;
                Page.DrawString(cells[i], font, XBrushes.Black, new XRect(Columns[i], Y, end - Columns[i], height), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }

            Y += height + 3;
        }

        public void Finish() => page?.Dispose();

        private void Room(double height)
        {
            if (Y + height > Bottom && page is not null)
            {
                page.Dispose();
                page = NewPage();
                Y = 56;
            }
        }

        private XGraphics NewPage()
        {
            var pdfPage = document.AddPage();
            pdfPage.Size = PdfSharp.PageSize.A4;
            var graphics = XGraphics.FromPdfPage(pdfPage);
            graphics.DrawString($"{footer} · {document.PageCount}", small, XBrushes.Gray, new XRect(Left, 805, Right - Left, 12), XStringFormats.TopCenter);
            return graphics;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Page.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
            return lines;
        }
    }
}
